/**
 * The document model the sieves work on: per paragraph its tokens (quotes folded into one token
 * each), sentences and person mentions, plus every mention in document order.
 *
 * Design notes: built in two linear passes, first tokens and the document-wide capitalisation
 * statistics, then mentions (which need the statistics for the sentence-start rule). Positions
 * are paragraph-major numbers so that "before" and "after" compare across paragraphs.
 */
import type { RawQuote } from './detect.ts';
import { collectStats, type DocStats } from './doc-stats.ts';
import { findMentions, type PersonMention } from './mentions.ts';
import { tokenize, type QuoteSpanInput, type Sentence, type Token } from './tokens.ts';

/** A paragraph-major position: paragraph * 2^22 + offset. */
export function position(paragraph: number, offset: number): number {
  return paragraph * 4194304 + offset;
}

export interface ParagraphModel {
  index: number;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  mentions: PersonMention[];
  /** Mentions per sentence, in order. */
  bySentence: PersonMention[][];
  /** Mention starting / ending at a token index (end exclusive). */
  startAt: Map<number, PersonMention>;
  endAt: Map<number, PersonMention>;
  /** Token index of each quote segment, keyed `quote:segment`. */
  quoteToken: Map<string, number>;
  /** Lowercased capitalised words inside this paragraph's quotes (people named in them). */
  quotedNames: Set<string>;
}

export interface DocumentModel {
  paragraphs: ParagraphModel[];
  /** Every mention in document order; `mentionIndex` maps a mention to its place here. */
  mentions: PersonMention[];
  mentionIndex: Map<PersonMention, number>;
}

const CAPITALISED = /\p{Lu}[\p{L}’'-]+/gu;

/** A paragraph set in title case (the headline): its capitalised words are not names. */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word' && /^\p{L}/u.test(t.text) && t.text.length > 3);
  if (words.length < 3) return false;
  return words.filter((t) => t.cap).length / words.length >= 0.7;
}

/** Index of the first mention of `model` at or after position `pos` (mentions are in position order). */
export function firstMentionAt(model: ParagraphModel, pos: number): number {
  let lo = 0;
  let hi = model.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.mentions[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the model of `paragraphs` with the detected `quotes`. */
export function buildDocument(paragraphs: readonly string[], quotes: readonly RawQuote[]): DocumentModel {
  const spans: QuoteSpanInput[][] = paragraphs.map(() => []);
  quotes.forEach((quote, q) => {
    quote.segments.forEach((segment, s) => {
      const text = paragraphs[segment.paragraph]!;
      const closed = s < quote.segments.length - 1 ? false : !quote.unclosed;
      const inner = text.slice(segment.start + 1, closed ? segment.end - 1 : segment.end).trimEnd();
      spans[segment.paragraph]!.push({ start: segment.start, end: segment.end, quote: q, segment: s, endsSentence: /[.!?…]$/u.test(inner) || s < quote.segments.length - 1 });
    });
  });
  const stats: DocStats = { midCap: new Set(), lowerSeen: new Set() };
  const tokenized = paragraphs.map((text, p) => {
    const list = spans[p]!.sort((a, b) => a.start - b.start);
    const result = tokenize(text, list);
    if (p > 0 || !isTitleCase(result.tokens)) collectStats(result.tokens, result.sentences, stats);
    return result;
  });
  const models: ParagraphModel[] = [];
  const all: PersonMention[] = [];
  tokenized.forEach(({ tokens, sentences }, p) => {
    const text = paragraphs[p]!;
    const mentions = p === 0 && isTitleCase(tokens) ? [] : findMentions(p, text, tokens, sentences, stats);
    const startAt = new Map<number, PersonMention>();
    const endAt = new Map<number, PersonMention>();
    for (const m of mentions) {
      m.pos = position(p, m.start);
      startAt.set(m.tokenStart, m);
      endAt.set(m.tokenEnd, m);
      all.push(m);
    }
    const quoteToken = new Map<string, number>();
    const quotedNames = new Set<string>();
    tokens.forEach((t, i) => {
      if (t.kind !== 'quote') return;
      quoteToken.set(`${t.quote}:${t.segment}`, i);
      for (const m of t.text.matchAll(CAPITALISED)) quotedNames.add(m[0].toLowerCase().replace(/[’']s$/u, ''));
    });
    const bySentence: PersonMention[][] = sentences.map(() => []);
    for (const m of mentions) bySentence[m.sentence]?.push(m);
    models.push({ index: p, text, tokens, sentences, mentions, bySentence, startAt, endAt, quoteToken, quotedNames });
  });
  const mentionIndex = new Map<PersonMention, number>();
  all.forEach((m, i) => mentionIndex.set(m, i));
  return { paragraphs: models, mentions: all, mentionIndex };
}
