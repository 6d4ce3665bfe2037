/**
 * Quote detection: pairing the marks of each paragraph into quoted spans, joining spans that run
 * over several paragraphs into one utterance, and classifying each as a direct quote or a term.
 *
 * Design notes (section A of the design note):
 * - One level of primary quotes: double marks, or single marks when the whole article has no
 *   double marks. Marks of the other family inside a primary quote are nested quotes and stay part
 *   of it.
 * - A quote still open at the end of a paragraph continues when the next paragraph starts with an
 *   opening mark of the same family (news convention: each paragraph of a long quotation reopens
 *   it and only the last one closes it). Otherwise it is closed at the paragraph end and flagged
 *   `unclosed`. A new opening mark while a quote is open also ends the open one as unclosed.
 * - `direct` when the quote has at least 4 words or ends in , ! ? — inside the marks; otherwise a
 *   `term`, which attribution may still turn into a partial quote.
 * Every paragraph is scanned once: linear in the text length.
 */
import type { QuoteSegment } from './types.ts';
import { closes, hasDoubleMarks, reopens, scanMarks, type MarkFamily, type QuoteMark } from './marks.ts';

export interface RawQuote {
  segments: QuoteSegment[];
  /** The segment texts joined with '\n'. */
  text: string;
  /** Closed at a paragraph end because the next paragraph did not continue it. */
  unclosed: boolean;
  /** At least 4 words or ends in , ! ? — inside the marks. */
  direct: boolean;
  /** The inner text (without marks) of the last segment ends a sentence (. ! ? …). */
  endsSentence: boolean;
  /** The inner text of the last segment ends in , — or – (the sentence goes on after it). */
  endsWithComma: boolean;
  /**
   * Words right before the opening mark that frame it as a name or title rather than speech:
   * "so-called" (a scare quote, never a partial quote), or a determiner / "titled" / "dubbed".
   */
  framed: 'so-called' | 'title' | null;
  /** Written like a title ("The Wind in the Willows"): a name, never a partial quote. */
  titleLike: boolean;
}

const SO_CALLED = /\bso[-\s]called\s*$/iu;
const TITLE_FRAME = /(?:^|[\s(])(?:the|a|an|his|her|their|its|our|this|titled|entitled|named|dubbed|nicknamed)\s*$/iu;

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'but', 'nor']);

/**
 * A quoted title ("The Wind in the Willows", "Pride and Prejudice"): every word but minor ones
 * capitalised and no sentence punctuation inside.
 */
export function isTitleLike(inner: string): boolean {
  const text = inner.trim();
  if (/[.!?,;:]$/u.test(text) || /[.!?;:]\s/u.test(text)) return false;
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || words[0] === 'I') return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && MINOR_WORDS.has(w.toLowerCase())));
}

/** How the words before `start` frame the quote opening there. */
function frameOf(paragraph: string, start: number): RawQuote['framed'] {
  const before = paragraph.slice(Math.max(0, start - 24), start);
  if (SO_CALLED.test(before)) return 'so-called';
  if (TITLE_FRAME.test(before)) return 'title';
  return null;
}

const WORD = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*|_{2,}|\uFFFC/gu;

/** Number of words in `text`; gaps count as words. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

function trimmedEnd(text: string, end: number, start: number): number {
  let e = end;
  while (e > start + 1 && /\s/u.test(text[e - 1]!)) e--;
  return e;
}

/** The primary marks of a paragraph: those of `family`. */
function primaryMarks(text: string, family: MarkFamily): QuoteMark[] {
  return scanMarks(text).filter((m) => m.family === family);
}

/** The inner text of a segment: without its opening mark and, if closed, its closing mark. */
function innerText(paragraph: string, segment: QuoteSegment, closed: boolean): string {
  return paragraph.slice(segment.start + 1, closed ? segment.end - 1 : segment.end);
}

/**
 * All quotes of an article. `paragraphs[i]` is block i (0 is the title). Each quote's segments
 * are in paragraph order; quotes are in document order of their first segment.
 */
export function detectQuotes(paragraphs: readonly string[]): RawQuote[] {
  let anyDouble = false;
  for (const p of paragraphs) if (hasDoubleMarks(p)) { anyDouble = true; break; }
  const family: MarkFamily = anyDouble ? 'double' : 'single';

  const quotes: RawQuote[] = [];
  // the utterance left open at the end of the previous paragraph, waiting for a continuation
  let carry: { segments: QuoteSegment[]; opener: QuoteMark } | null = null;
  let nextMarks: QuoteMark[] | null = null;

  const finish = (segments: QuoteSegment[], unclosed: boolean, lastClosed: boolean) => {
    const texts = segments.map((s) => paragraphs[s.paragraph]!.slice(s.start, s.end));
    const last = segments[segments.length - 1]!;
    const inner = innerText(paragraphs[last.paragraph]!, last, lastClosed).trimEnd();
    const allInner = segments.map((s, i) => innerText(paragraphs[s.paragraph]!, s, i < segments.length - 1 ? false : lastClosed)).join(' ');
    const words = countWords(allInner);
    const tail = inner.at(-1) ?? '';
    const endsWithComma = /[,\u2014\u2013-]/u.test(tail);
    const first = segments[0]!;
    const framed = segments.length > 1 ? null : frameOf(paragraphs[first.paragraph]!, first.start);
    const marked = /[,!?\u2014\u2013]/u.test(tail) || inner.endsWith('...') || inner.endsWith('…');
    const titleLike = segments.length === 1 && !marked && isTitleLike(allInner);
    const direct = segments.length > 1 || marked || (words >= 4 && !framed && !titleLike);
    quotes.push({ segments, text: texts.join('\n'), unclosed, direct, endsSentence: /[.!?…]/u.test(tail), endsWithComma, framed, titleLike });
  };

  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    const marks = nextMarks ?? primaryMarks(text, family);
    nextMarks = null;
    let open: QuoteMark | null = null;
    let segments: QuoteSegment[] = [];
    let k = 0;
    if (carry) {
      // this paragraph starts with the continuing opening mark (checked before carrying)
      open = marks[0] ?? null;
      segments = carry.segments;
      k = 1;
      carry = null;
      if (!open) {
        // cannot happen (the carry was only made when the mark is there), but stay safe
        segments = [];
      }
    }
    for (; k < marks.length; k++) {
      const mark = marks[k]!;
      if (!open) {
        if (mark.role === 'open') {
          open = mark;
          segments = [];
        }
        continue; // a stray closing mark is not a quote
      }
      if (closes(open, mark)) {
        // a possible plural possessive (soldiers’) does not close if another closer follows before any opener
        if (mark.maybeApostrophe) {
          const later = marks[k + 1];
          if (later && later.role === 'close' && closes(open, later)) continue;
        }
        segments.push({ paragraph: p, start: open.index, end: mark.index + 1 });
        finish(segments, false, true);
        open = null;
        segments = [];
        continue;
      }
      if (reopens(open, mark)) {
        const end = trimmedEnd(text, mark.index, open.index);
        segments.push({ paragraph: p, start: open.index, end });
        finish(segments, true, false);
        open = mark;
        segments = [];
      }
    }
    if (open) {
      const end = trimmedEnd(text, text.length, open.index);
      segments.push({ paragraph: p, start: open.index, end });
      const next = p + 1 < paragraphs.length ? paragraphs[p + 1]! : null;
      if (next !== null) {
        const upcoming = primaryMarks(next, family);
        nextMarks = upcoming;
        const first = upcoming[0];
        if (first && first.index === firstNonSpace(next) && first.role === 'open' && reopens(open, first)) {
          carry = { segments, opener: open };
          continue;
        }
      }
      finish(segments, true, false);
    }
  }
  return quotes;
}
