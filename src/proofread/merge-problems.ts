/**
 * Combining what the checks found: the engine-free checks (article-checks.ts) and the spelling
 * engine's problems, into one sorted list without duplicates. Small and pure, so the page can do
 * it without loading the rules themselves.
 */
import type { ArticleChecks } from './article-checks.ts';
import type { Problem, ProofOptions } from './types.ts';
import { isEnabled, resolveOptions } from './types.ts';
import { gapRanges, overlapsAny } from './text.ts';

/** Problems in text order (paragraph, start, end, then rule). Sorts in place. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

const overlaps = (a: Problem, b: Problem) => a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;

/**
 * Whether an engine problem overlapping a local one says the same: the same category, or exactly
 * the local rule's doubled words (the engine reads "the the" as a misspelling of "that the"; the
 * local rule names the repetition and removes it).
 */
const sameKind = (local: Problem, engine: Problem) =>
  local.category === engine.category || (local.category === 'repetition' && local.start === engine.start && local.end === engine.end);

/** Problems by paragraph, so a problem is compared only with those of its own paragraph. */
function byParagraph(problems: readonly Problem[]): Map<number, Problem[]> {
  const map = new Map<number, Problem[]>();
  for (const p of problems) {
    const list = map.get(p.paragraph);
    if (list) list.push(p);
    else map.set(p.paragraph, [p]);
  }
  return map;
}

/**
 * Merges problem lists given in order of trust (local rules, consistency, engine):
 * - a problem with the same span and category as an earlier one is folded into it (its
 *   suggestions are added);
 * - an engine spelling problem on a name the consistency check reports is dropped (the
 *   consistency problem says more);
 * - an engine problem overlapping a local problem of the same category, or on exactly the words
 *   of a doubled word, is dropped.
 * Linear in the number of problems (an article in a language the engine does not know can have a
 * problem on every word): each is looked up by its span, and compared only within its paragraph.
 */
export function mergeProblems(local: readonly Problem[], consistency: readonly Problem[], engine: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  const bySpan = new Map<string, Problem>();
  const add = (p: Problem) => {
    const key = `${p.paragraph}:${p.start}:${p.end}:${p.category}`;
    const same = bySpan.get(key);
    if (same) {
      for (const s of p.suggestions) if (!same.suggestions.some((t) => t.replacement === s.replacement)) same.suggestions.push({ ...s });
      return;
    }
    const copy = { ...p, suggestions: p.suggestions.map((s) => ({ ...s })) };
    bySpan.set(key, copy);
    out.push(copy);
  };
  local.forEach(add);
  consistency.forEach(add);
  const localHere = byParagraph(local);
  const consistencyHere = byParagraph(consistency);
  for (const p of engine) {
    if (p.category === 'spelling' && consistencyHere.get(p.paragraph)?.some((c) => overlaps(c, p))) continue;
    if (localHere.get(p.paragraph)?.some((l) => sameKind(l, p) && overlaps(l, p))) continue;
    add(p);
  }
  return sortProblems(out);
}

/**
 * The article's problems: the engine-free checks plus the engine's problems that the user's
 * settings allow, that fall in a paragraph of the article and not on a gap.
 */
export function combineChecks(paragraphs: readonly string[], checks: ArticleChecks, engine: readonly Problem[], options?: Partial<ProofOptions>): Problem[] {
  const resolved = resolveOptions(options);
  const gaps = paragraphs.map(gapRanges);
  const fromEngine = engine.filter(
    (p) => isEnabled(p, resolved) && p.paragraph >= 0 && p.paragraph < paragraphs.length && !overlapsAny(gaps[p.paragraph] ?? [], p.start, p.end),
  );
  return mergeProblems(checks.local, checks.consistency, fromEngine);
}
