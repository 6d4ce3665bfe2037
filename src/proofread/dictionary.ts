/**
 * The per-article dictionary: words the spelling engine must accept in this article.
 *
 * An engine's dictionary does not know most names in the news (Lukashenka, Bakhmut, Oleksiy), so
 * left alone it flags every one of them. The article itself tells us which capitalised words are
 * names: those capitalised in the middle of a sentence (not only at a sentence start, where a
 * misspelt ordinary word is capitalised too, and not only in the title) and not a variant
 * spelling of another name in the article (those are reported by the consistency check). To
 * them we add the words the user added, and the possessive forms of all of them (’s and 's),
 * which engines treat as separate words.
 */
import { capitalizedWords, variantSpellings } from './consistency.ts';
import { stripPossessive } from './text.ts';

/** The names the article uses consistently: capitalised mid-sentence somewhere, and not a variant of another name. */
export function articleNames(paragraphs: readonly string[]): string[] {
  const variants = variantSpellings(paragraphs);
  const names = new Set<string>();
  for (const occ of capitalizedWords(paragraphs)) {
    if (occ.midSentence && !variants.has(occ.text.toLowerCase())) names.add(occ.text);
  }
  return [...names];
}

/** `words` with, for each one, its possessive forms (’s and 's), without duplicates. */
export function withPossessives(words: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const raw of words) {
    const word = raw.trim();
    if (!word) continue;
    const base = stripPossessive(word);
    out.add(word);
    out.add(base);
    out.add(`${base}’s`);
    out.add(`${base}'s`);
  }
  return [...out];
}

/**
 * The article's dictionary: its consistently used names, the user's words, and their possessive
 * forms, sorted.
 */
export function buildArticleDictionary(paragraphs: readonly string[], userWords: readonly string[] = []): string[] {
  return withPossessives([...articleNames(paragraphs), ...userWords]).sort();
}

/**
 * A lookup over a dictionary: accepts a word written as in the dictionary, in capitals
 * ("LUKASHENKA" for "Lukashenka"), in any case when the entry is all lower case ("covid" accepts
 * "Covid"), and with a possessive when its base is accepted.
 */
export function dictionaryLookup(dictionary: readonly string[]): (word: string) => boolean {
  const exact = new Set<string>();
  const anyCase = new Set<string>();
  for (const entry of dictionary) {
    const base = stripPossessive(entry.trim());
    if (!base) continue;
    exact.add(base);
    exact.add(base.toUpperCase());
    if (base === base.toLowerCase()) anyCase.add(base);
  }
  return (word: string) => {
    const base = stripPossessive(word.trim().replace(/[’']$/u, ''));
    return exact.has(base) || anyCase.has(base.toLowerCase());
  };
}
