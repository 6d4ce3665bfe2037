/**
 * Small text helpers shared by the proofreading rules: gaps, words, sentence starts and the
 * conversion between Unicode code point offsets and JavaScript (UTF-16) string indices.
 */

/** The editor's gap character. */
export const GAP_CHAR = '\uFFFC';

/** A gap: a run of two or more underscores in raw text, or the editor's U+FFFC. */
const GAP_RUN = /_{2,}|\uFFFC+/g;

/** The `[start, end)` ranges of the gaps in `text`. */
export function gapRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(GAP_RUN)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** True when `[start, end)` overlaps one of `ranges` (or touches it, when `touching`). */
export function overlapsAny(ranges: readonly (readonly [number, number])[], start: number, end: number, touching = false): boolean {
  for (const [a, b] of ranges) {
    if (touching ? start <= b && end >= a : start < b && end > a) return true;
  }
  return false;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** True when `ch` is a letter (or a combining mark). */
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && LETTER.test(ch);
}

/** True when `word` starts with a capital letter. */
export function isCapitalized(word: string): boolean {
  return UPPER.test(word.charAt(0));
}

/** True when `word` has letters and none of them is lower case ("NATO", "OMON"). */
export function isAllCaps(word: string): boolean {
  return !LOWER.test(word) && UPPER.test(word);
}

/** A word: letters with inner apostrophes ("don’t", "O’Brien", "Lukashenka’s"). */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** One word of a paragraph and where it is. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

/** The words of `text`, in order. */
export function words(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const POSSESSIVE = /['’]s$/u;

/** `word` without a possessive ’s / 's ("Lukashenka’s" → "Lukashenka"). */
export function stripPossessive(word: string): string {
  return POSSESSIVE.test(word) && word.length > 2 ? word.slice(0, -2) : word;
}

/** Characters skipped when looking back for a sentence boundary: spaces, opening quotes and brackets. */
const SKIP_BEFORE = /[\s"'“‘„‚«»‹›([{]/u;
/** Characters after which a word starts a sentence (or might: a colon, a gap). */
const BOUNDARY = /[.!?…:\n\uFFFC_]/u;

/**
 * True when the word starting at `index` may start a sentence, so that its capital letter says
 * nothing about whether it is a name: it is at the paragraph start or after . ! ? … : a line break
 * or a gap, ignoring spaces, opening quotes and brackets in between.
 */
export function isSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && SKIP_BEFORE.test(text.charAt(i)) && text.charAt(i) !== '\n') i--;
  if (i < 0) return true;
  return BOUNDARY.test(text.charAt(i));
}

/** True when `text` holds a character outside the Basic Multilingual Plane (a surrogate pair). */
export function hasAstral(text: string): boolean {
  return /[\uD800-\uDBFF]/.test(text);
}

/**
 * Converts Unicode code point offsets in `text` to UTF-16 indices. Harper counts code points (Rust
 * `char`s); JavaScript strings index UTF-16 units, so every emoji or other astral character before
 * an offset shifts it by one. Offsets past the end map to `text.length`.
 */
export function codePointToUtf16(text: string): (codePoint: number) => number {
  if (!hasAstral(text)) return (cp) => Math.max(0, Math.min(cp, text.length));
  // utf16[k] = UTF-16 index of code point k.
  const utf16: number[] = [];
  let i = 0;
  while (i < text.length) {
    utf16.push(i);
    i += isPairAt(text, i) ? 2 : 1;
  }
  utf16.push(text.length);
  return (cp) => (cp <= 0 ? 0 : cp >= utf16.length ? text.length : utf16[cp]!);
}

/** True when a surrogate pair (one astral code point) starts at UTF-16 index `i`. */
function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  const lo = text.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** The number of code points in `text` (what Harper counts). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += isPairAt(text, i) ? 2 : 1) n++;
  return n;
}

/** `replacement` in the casing of `original`: all caps stays all caps, a capital first letter stays capital. */
export function matchCase(original: string, replacement: string): string {
  if (replacement === '') return replacement;
  if (isAllCaps(original) && original.length > 1) return replacement.toUpperCase();
  if (isCapitalized(original) && !isCapitalized(replacement)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
