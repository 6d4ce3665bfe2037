/**
 * Tokens and sentences of one paragraph, with every quote segment folded into a single `quote`
 * token: text inside quotes is never read for names or verbs.
 *
 * Design notes: words keep internal apostrophes, hyphens and dots ("don’t", "full-scale",
 * "80.1", "U.S."); a known abbreviation keeps its full stop ("Mr.", "Gen."); a possessive ’s is
 * split off into a flag. Gaps (a run of two or more underscores, or U+FFFC) are ordinary lowercase
 * words. Sentences end at . ! ? followed by something that is not a lowercase word, and after a
 * quote whose inner text ends a sentence when a capitalised word or another quote follows.
 * Everything is a single left-to-right pass.
 */
import { ABBREVIATIONS, FINAL_ABBREVIATIONS } from './words.ts';

export type TokenKind = 'word' | 'punct' | 'quote' | 'gap';

export interface Token {
  kind: TokenKind;
  /** Surface text (for words: without a possessive ’s). */
  text: string;
  lower: string;
  /** Offsets into the paragraph, end exclusive (for words: without the possessive). */
  start: number;
  end: number;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** The word carried a possessive ’s / ' that was split off. */
  possessive: boolean;
  /** For quote tokens: index of the quote (utterance) and of its segment. */
  quote: number;
  segment: number;
  /** Index of the sentence the token belongs to (within the paragraph). */
  sentence: number;
}

export interface Sentence {
  /** Token range, end exclusive. */
  start: number;
  end: number;
}

export interface QuoteSpanInput {
  start: number;
  end: number;
  quote: number;
  segment: number;
  /** The quote's inner text ends a sentence (. ! ? …). */
  endsSentence: boolean;
}

export interface TokenizedParagraph {
  tokens: Token[];
  sentences: Sentence[];
}

const WORD_AT = /[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*/uy;
const GAP_AT = /_{2,}|\uFFFC/uy;
const UPPER = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;

function makeToken(kind: TokenKind, text: string, start: number, end: number): Token {
  return { kind, text, lower: text.toLowerCase(), start, end, cap: kind === 'word' && UPPER.test(text), possessive: false, quote: -1, segment: -1, sentence: 0 };
}

/**
 * Tokens of `text` with the given quote spans (sorted, non-overlapping, offsets into `text`)
 * replaced by one quote token each.
 */
export function tokenize(text: string, quotes: readonly QuoteSpanInput[]): TokenizedParagraph {
  const tokens: Token[] = [];
  const endsSentenceAt = new Map<number, boolean>();
  let q = 0;
  let i = 0;
  while (i < text.length) {
    const span = quotes[q];
    if (span && i >= span.start) {
      const token = makeToken('quote', text.slice(span.start, span.end), span.start, span.end);
      token.quote = span.quote;
      token.segment = span.segment;
      endsSentenceAt.set(tokens.length, span.endsSentence);
      tokens.push(token);
      i = Math.max(i, span.end);
      q++;
      continue;
    }
    const limit = span ? span.start : text.length;
    const char = text[i]!;
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    GAP_AT.lastIndex = i;
    const gap = GAP_AT.exec(text);
    if (gap) {
      const end = Math.min(i + gap[0].length, limit);
      tokens.push(makeToken('gap', text.slice(i, end), i, end));
      i = end;
      continue;
    }
    WORD_AT.lastIndex = i;
    const word = WORD_AT.exec(text);
    if (word) {
      let end = Math.min(i + word[0].length, limit);
      let surface = text.slice(i, end);
      // a trailing dot that belongs to the word: abbreviations and initials
      if (text[end] === '.' && end < limit) {
        const lower = surface.toLowerCase();
        if (ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(surface) || /^(\p{L}\.)+\p{L}$/u.test(surface)) {
          end++;
          surface = text.slice(i, end);
        }
      }
      const token = makeToken('word', surface, i, end);
      // possessive ’s / 's split off; plural possessive s’ / s' absorbed
      const poss = /^(.+?)[’']s$/u.exec(surface);
      if (poss && poss[1]!.length > 0) {
        token.text = poss[1]!;
        token.lower = token.text.toLowerCase();
        token.end = i + poss[1]!.length;
        token.possessive = true;
      } else if (/s$/iu.test(surface) && (text[end] === '’' || text[end] === "'") && end < limit && !/[\p{L}\p{N}]/u.test(text[end + 1] ?? ' ')) {
        token.possessive = true;
        end++;
      }
      tokens.push(token);
      i = end;
      continue;
    }
    // punctuation: runs of dots and ellipses as one token
    let end = i + 1;
    if (char === '.' || char === '…') while (end < limit && (text[end] === '.' || text[end] === '…')) end++;
    tokens.push(makeToken('punct', text.slice(i, end), i, end));
    i = end;
  }
  const sentences = splitSentences(tokens, endsSentenceAt);
  return { tokens, sentences };
}

function startsNewSentence(next: Token | undefined): boolean {
  if (!next) return true;
  if (next.kind === 'quote') return true;
  if (next.kind === 'word') return !LOWER_START.test(next.text);
  if (next.kind === 'gap') return false;
  return /^[([{—–-]/u.test(next.text);
}

function splitSentences(tokens: Token[], endsSentenceAt: ReadonlyMap<number, boolean>): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const close = (end: number) => {
    if (end <= start) return;
    for (let k = start; k < end; k++) tokens[k]!.sentence = sentences.length;
    sentences.push({ start, end });
    start = end;
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const next = tokens[k + 1];
    if (token.kind === 'punct' && /^[.!?…]+$/u.test(token.text)) {
      // closing brackets right after the stop stay in the sentence
      if (startsNewSentence(next)) close(k + 1);
    } else if (token.kind === 'quote' && endsSentenceAt.get(k)) {
      if (!next || next.kind === 'quote' || (next.kind === 'word' && next.cap)) close(k + 1);
    } else if (token.kind === 'word' && token.text.endsWith('.') && FINAL_ABBREVIATIONS.has(token.lower.slice(0, -1))) {
      if (next && next.kind === 'word' && next.cap && !next.possessive && k + 2 < tokens.length && tokens[k + 2]!.kind === 'word' && !tokens[k + 2]!.cap) close(k + 1);
    }
  }
  close(tokens.length);
  if (!sentences.length) sentences.push({ start: 0, end: 0 });
  return sentences;
}
