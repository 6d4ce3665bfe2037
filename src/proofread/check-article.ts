/**
 * The whole proofreading pass over an article: local rules, name consistency and the engine
 * (when there is one), combined into one sorted list without duplicates.
 */
import type { Problem, ProofOptions } from './types.ts';
import { isEnabled, resolveOptions } from './types.ts';
import type { ProofEngine } from './engine.ts';
import { checkNameConsistency } from './consistency.ts';
import { detectDialect } from './dialect.ts';
import { buildArticleDictionary } from './dictionary.ts';
import { checkParagraphs, sortProblems, type LocalRuleOptions } from './rules.ts';
import { gapRanges, overlapsAny } from './text.ts';

/** Options of `checkArticle`: what to check, the user's words, and (optionally) the quote style. */
export type CheckArticleOptions = LocalRuleOptions;

const overlaps = (a: Problem, b: Problem) => a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
const sameSpan = (a: Problem, b: Problem) => a.paragraph === b.paragraph && a.start === b.start && a.end === b.end;

/**
 * Merges problem lists given in order of trust (local rules, consistency, engine):
 * - a problem with the same span and category as an earlier one is folded into it (its
 *   suggestions are added);
 * - an engine spelling problem on a name the consistency check reports is dropped (the
 *   consistency problem says more);
 * - an engine problem overlapping a local problem of the same category is dropped.
 */
export function mergeProblems(local: readonly Problem[], consistency: readonly Problem[], engine: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  const add = (p: Problem) => {
    const same = out.find((q) => sameSpan(p, q) && q.category === p.category);
    if (same) {
      for (const s of p.suggestions) if (!same.suggestions.some((t) => t.replacement === s.replacement)) same.suggestions.push({ ...s });
      return;
    }
    out.push({ ...p, suggestions: p.suggestions.map((s) => ({ ...s })) });
  };
  local.forEach(add);
  consistency.forEach(add);
  for (const p of engine) {
    if (p.category === 'spelling' && consistency.some((c) => overlaps(c, p))) continue;
    if (local.some((l) => l.category === p.category && overlaps(l, p))) continue;
    add(p);
  }
  return sortProblems(out);
}

/**
 * Proofreads an article. `paragraphs[0]` is the title. The engine (Harper in a worker or in Node)
 * is optional: without it only the local rules and the consistency check run. The engine gets
 * the article dictionary (names used consistently, the user's words, possessives) so it does not
 * report names as misspellings, and the article's English (options.dialect, or detected from its
 * spelling when 'auto' or left out).
 */
export async function checkArticle(paragraphs: readonly string[], engine: ProofEngine | null, options?: CheckArticleOptions): Promise<Problem[]> {
  const resolved: ProofOptions = resolveOptions(options);
  const local = checkParagraphs(paragraphs, options);
  const consistency = checkNameConsistency(paragraphs).filter((p) => isEnabled(p, resolved));
  let fromEngine: Problem[] = [];
  if (engine) {
    const dictionary = buildArticleDictionary(paragraphs, resolved.dictionary);
    const gaps = paragraphs.map(gapRanges);
    const dialect = !resolved.dialect || resolved.dialect === 'auto' ? detectDialect(paragraphs) : resolved.dialect;
    fromEngine = (await engine.lint(paragraphs, { ...resolved, dictionary, dialect })).filter(
      (p) => isEnabled(p, resolved) && p.paragraph >= 0 && p.paragraph < paragraphs.length && !overlapsAny(gaps[p.paragraph] ?? [], p.start, p.end),
    );
  }
  return mergeProblems(local, consistency, fromEngine);
}
