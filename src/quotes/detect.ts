/**
 * Finding quotations in plain text, paragraph by paragraph.
 *
 * Curly marks (“ ” « » „) say which way they face; a straight " opens at the start of a paragraph
 * or after a space or an opening bracket/dash, and closes otherwise. Single marks are quote marks
 * only in an article without double ones, and never between two letters (don’t) or before a
 * contraction ending (’s, ’ll). A quote still open at the end of a paragraph continues when the
 * next paragraph opens with a mark (one utterance, several segments); otherwise it is closed at
 * the paragraph end and flagged unclosed.
 */
import type { QuoteSegment } from './types.ts';

export interface RawQuote {
  segments: QuoteSegment[];
  unclosed: boolean;
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const OPEN_CONTEXT = /[\s([{—–-]/u;

function isLetter(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}]/u.test(ch);
}

/** True when the article uses double quotation marks at all. */
export function usesDoubleMarks(paragraphs: readonly string[]): boolean {
  return paragraphs.some((p) => /[“”«»„"]/.test(p));
}

type Mark = { index: number; kind: 'open' | 'close' };

function marksOf(text: string, double: boolean): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    if (double) {
      if (DOUBLE_OPEN.has(ch)) {
        // „ opens; “ after „ closes it (German style) — handled by the caller's pairing.
        marks.push({ index: i, kind: ch === '“' && marks.length > 0 && text[marks[marks.length - 1]!.index] === '„' && marks[marks.length - 1]!.kind === 'open' ? 'close' : 'open' });
      } else if (DOUBLE_CLOSE.has(ch)) marks.push({ index: i, kind: 'close' });
      else if (ch === '"') marks.push({ index: i, kind: i === 0 || OPEN_CONTEXT.test(before ?? ' ') ? 'open' : 'close' });
    } else if (ch === '‘' || ch === '’' || ch === "'") {
      if (isLetter(before) && isLetter(after)) continue; // don’t, Lukashenko’s
      if (ch !== '‘' && /^(s|d|ll|ve|re|m|t)\b/i.test(text.slice(i + 1, i + 4)) && isLetter(before)) continue;
      if (ch === '’' && !isLetter(before) && /^\d0s/.test(text.slice(i + 1, i + 4))) continue; // ’90s
      const opens = ch === '‘' || (ch === "'" && (i === 0 || OPEN_CONTEXT.test(before ?? ' ')));
      marks.push({ index: i, kind: opens ? 'open' : 'close' });
    }
  }
  return marks;
}

function startsWithOpening(text: string, double: boolean): boolean {
  const first = text.trimStart()[0];
  return double ? first === '“' || first === '«' || first === '„' || first === '"' : first === '‘' || first === "'";
}

/** Every quotation in the paragraphs, in order. */
export function detectQuotes(paragraphs: readonly string[]): RawQuote[] {
  const double = usesDoubleMarks(paragraphs);
  const quotes: RawQuote[] = [];
  let carried: RawQuote | null = null;
  paragraphs.forEach((text, paragraph) => {
    let openAt: number | null = null;
    let current: RawQuote | null = carried;
    carried = null;
    const marks = marksOf(text, double);
    for (const mark of marks) {
      if (mark.kind === 'open') {
        if (openAt === null) openAt = mark.index;
        continue;
      }
      if (openAt === null) {
        // A closing mark with no opening in this paragraph: it closes a carried-over quote that
        // did not re-open (rare), or it is stray; a carried quote takes the paragraph start.
        if (current) {
          current.segments.push({ paragraph, start: 0, end: mark.index + 1 });
          quotes.push(current);
          current = null;
        }
        continue;
      }
      const segment = { paragraph, start: openAt, end: mark.index + 1 };
      if (current) {
        current.segments.push(segment);
        quotes.push(current);
        current = null;
      } else quotes.push({ segments: [segment], unclosed: false });
      openAt = null;
    }
    if (openAt !== null || current) {
      const start = openAt ?? 0;
      const quote = current ?? { segments: [], unclosed: false };
      quote.segments.push({ paragraph, start, end: text.length });
      const next = paragraphs[paragraph + 1];
      if (next !== undefined && startsWithOpening(next, double)) carried = quote;
      else {
        quote.unclosed = true;
        quotes.push(quote);
      }
    }
  });
  if (carried) {
    (carried as RawQuote).unclosed = true;
    quotes.push(carried);
  }
  return quotes.sort((a, b) => a.segments[0]!.paragraph - b.segments[0]!.paragraph || a.segments[0]!.start - b.segments[0]!.start);
}

/** The words of a quote's text (marks and punctuation stripped). */
export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}’'_\uFFFC-]+/u).filter(Boolean);
}

/** Direct speech: four words or more, or ending in , ! ? or a dash inside the marks. */
export function isDirect(text: string): boolean {
  if (wordsOf(text).length >= 4) return true;
  const inner = text.replace(/[”»"’'“„«‘]+\s*$/u, '').trimEnd();
  return /[,!?—–]$/.test(inner);
}
