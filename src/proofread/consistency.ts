/**
 * Whole-article name consistency: the same name spelled two ways ("Lukashenko" and
 * "Lukashenka", "Frantzkevych" and "Frantskevich").
 *
 * Candidates are capitalised words of six letters or more (a possessive ’s / 's stripped),
 * compared case-insensitively. Two spellings are variants of one name when they start with the
 * same letter, their edit distance divided by the longer length is at most 0.25, and they are not
 * simply two forms of one word ("Russia"/"Russian", "Germany"/"Germans", "Minister"/"Ministry").
 * A group needs at least one spelling seen in the middle of a sentence, so ordinary words that
 * are capitalised only because they start sentences ("Though"/"Through") never form one.
 *
 * In each group the most frequent spelling (the first used, on a tie) is taken as the intended
 * one; every occurrence of the other spellings is one problem, whose suggestions offer the other
 * spellings of the group, so the UI can offer "use X everywhere".
 */
import type { Problem, Suggestion } from './types.ts';
import { editDistance } from '../text/edit-distance.ts';
import { isAllCaps, isCapitalized, isSentenceStart, stripPossessive, words } from './text.ts';

/** Rule id of the consistency check. */
export const NAME_CONSISTENCY_RULE = 'name-consistency';

/** The shortest name (in letters) compared. */
export const MIN_NAME_LENGTH = 6;
/** The largest normalised edit distance between two spellings of one name. */
export const MAX_NAME_DISTANCE = 0.25;

/** Word endings that make another form of the same word: plurals, demonyms, derivations. */
const ENDINGS = new Set(['', 's', 'es', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ean', 'eans', 'ese', 'i', 'is', 'ish', 'ic', 'ics', 'al', 'ism', 'ist', 'ists', 'ite', 'ites', 'er', 'ers', 'ry', 'y', 'ies', 'ia', 'ed', 'ing', 'ly', 'a', 'e']);

/**
 * True when `a` and `b` (lower case) are two forms of one word rather than two spellings: after
 * their common beginning both go on with a known ending ("russia|" / "russia|n",
 * "german|s" / "german|y", "minist|er" / "minist|ry", "argentin|a" / "argentin|e"). A bare
 * final a or e, or a doubled last letter, is a spelling difference ("Petrov"/"Petrova",
 * "Zelensky"/"Zelenskyy").
 */
export function isOtherFormOf(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p < 3) return false;
  const ta = a.slice(p);
  const tb = b.slice(p);
  if (!ENDINGS.has(ta) || !ENDINGS.has(tb)) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short === '' && (long === 'a' || long === 'e')) return false;
  if (short === '' && long.length === 1 && long === a.charAt(p - 1)) return false;
  return true;
}

/** True when two lower-case spellings look like variants of one name. */
export function areNameVariants(a: string, b: string): boolean {
  if (a === b || a.charAt(0) !== b.charAt(0)) return false;
  const longest = Math.max(a.length, b.length);
  const limit = Math.floor(MAX_NAME_DISTANCE * longest);
  if (Math.abs(a.length - b.length) > limit) return false;
  if (editDistance(a, b, limit) > limit) return false;
  return !isOtherFormOf(a, b);
}

/** One occurrence of a capitalised word: where the name itself is (without a possessive). */
export interface NameOccurrence {
  paragraph: number;
  start: number;
  end: number;
  /** The name as written (without a possessive). */
  text: string;
  /**
   * Whether this occurrence says the word is a name: capitalised where a sentence cannot start,
   * or at a sentence start but possessive ("Merrington’s mayor") or followed by another
   * capitalised word ("Merrington City Council"). Never in paragraph 0, the title.
   */
  midSentence: boolean;
}

/** Every capitalised word of the article (possessives stripped), in order. */
export function capitalizedWords(paragraphs: readonly string[]): NameOccurrence[] {
  const out: NameOccurrence[] = [];
  paragraphs.forEach((text, paragraph) => {
    const tokens = words(text);
    tokens.forEach((token, k) => {
      if (!isCapitalized(token.text)) return;
      const name = stripPossessive(token.text);
      let evidence = false;
      if (paragraph > 0) {
        const next = tokens[k + 1];
        evidence =
          !isSentenceStart(text, token.start) ||
          name !== token.text ||
          (next !== undefined && next.text.length > 1 && isCapitalized(next.text) && /^[ \u00A0]$/.test(text.slice(token.end, next.start)));
      }
      out.push({ paragraph, start: token.start, end: token.start + name.length, text: name, midSentence: evidence });
    });
  });
  return out;
}

/** One spelling in a group of variants. */
export interface NameSpelling {
  /** The spelling as most often written. */
  text: string;
  count: number;
}

/** Spellings of one name, the intended one first (most frequent, then first used). */
export interface NameVariantGroup {
  spellings: NameSpelling[];
}

interface SpellingStats {
  key: string;
  forms: Map<string, number>;
  occurrences: NameOccurrence[];
  midSentence: boolean;
  first: number;
}

function collect(paragraphs: readonly string[]): SpellingStats[] {
  const stats = new Map<string, SpellingStats>();
  capitalizedWords(paragraphs).forEach((occ, order) => {
    if ([...occ.text].length < MIN_NAME_LENGTH) return;
    const key = occ.text.toLowerCase();
    let s = stats.get(key);
    if (!s) {
      s = { key, forms: new Map(), occurrences: [], midSentence: false, first: order };
      stats.set(key, s);
    }
    s.occurrences.push(occ);
    s.midSentence ||= occ.midSentence;
    // All-caps forms (a headline) count, but the display form prefers mixed case.
    if (!isAllCaps(occ.text)) s.forms.set(occ.text, (s.forms.get(occ.text) ?? 0) + 1);
    else if (s.forms.size === 0) s.forms.set(occ.text, 0);
  });
  return [...stats.values()];
}

function displayForm(s: SpellingStats): string {
  let best = s.occurrences[0]!.text;
  let count = -1;
  for (const [form, n] of s.forms) {
    if (n > count) [best, count] = [form, n];
  }
  return best;
}

/** Groups of spellings that look like one name spelled differently, each with its stats, intended spelling first. */
function variantGroups(paragraphs: readonly string[]): SpellingStats[][] {
  const all = collect(paragraphs);
  // Union-find over spellings; only pairs with the same first letter are compared.
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byInitial = new Map<string, number[]>();
  all.forEach((s, i) => {
    const list = byInitial.get(s.key.charAt(0)) ?? [];
    list.push(i);
    byInitial.set(s.key.charAt(0), list);
  });
  for (const list of byInitial.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (areNameVariants(all[i]!.key, all[j]!.key)) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, SpellingStats[]>();
  all.forEach((s, i) => {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(s);
    groups.set(root, g);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1 && g.some((s) => s.midSentence))
    .map((g) => g.sort((a, b) => b.occurrences.length - a.occurrences.length || a.first - b.first));
}

/** Groups of spellings of the same name in the article (each with at least two spellings), intended spelling first. */
export function findNameVariants(paragraphs: readonly string[]): NameVariantGroup[] {
  return variantGroups(paragraphs).map((g) => ({ spellings: g.map((s) => ({ text: displayForm(s), count: s.occurrences.length })) }));
}

/** The lower-case spellings that are variants (not the intended spelling) of a name in the article. */
export function variantSpellings(paragraphs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const g of variantGroups(paragraphs)) for (const s of g.slice(1)) out.add(s.key);
  return out;
}

/** One problem per occurrence of every spelling but the intended one of each group. */
export function checkNameConsistency(paragraphs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const group of variantGroups(paragraphs)) {
    const forms = group.map((s) => ({ text: displayForm(s), count: s.occurrences.length, stats: s }));
    for (const variant of forms.slice(1)) {
      const others = forms.filter((f) => f !== variant);
      const message =
        others.length === 1
          ? `${variant.text} is also spelled ${others[0]!.text} in this article (${others[0]!.count}×)`
          : `${variant.text} is also spelled ${others.map((f) => `${f.text} (${f.count}×)`).join(' and ')} in this article`;
      for (const occ of variant.stats.occurrences) {
        const suggestions: Suggestion[] = others.map((f) => {
          const replacement = isAllCaps(occ.text) && occ.text.length > 1 ? f.text.toUpperCase() : f.text;
          return { label: `Use ${f.text}`, replacement };
        });
        problems.push({ paragraph: occ.paragraph, start: occ.start, end: occ.end, rule: NAME_CONSISTENCY_RULE, category: 'consistency', message, suggestions });
      }
    }
  }
  return problems.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
