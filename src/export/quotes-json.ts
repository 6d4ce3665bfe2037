/**
 * Quotes as JSON: one entry per quote with its text, where it stands in the corrected text, and
 * its speaker.
 *
 * Positions are JavaScript string offsets (UTF-16 code units, `offsets: "utf-16"` says so) into
 * the plain-text export of the same document (`exportPlainText(doc)`), so that
 * `text.slice(segment.start, segment.end) === segment.text` for every segment. A quote that runs
 * over several paragraphs has several segments; its `start`/`end` span from the first segment's
 * start to the last one's end, and its `text` joins the segments (see `ModelQuote.text`).
 * `paragraph` counts from 1 for the first paragraph after the title (0 is the title).
 */
import type { Node } from 'prosemirror-model';
import { articleModel, speakerName, type ArticleModel, type QuoteStatus } from './article-model.ts';

/** One quote in the JSON export. */
export interface QuoteEntry {
  id: string;
  /** 1-based position among the article's quotes. */
  number: number;
  text: string;
  start: number;
  end: number;
  /** The paragraph of the first segment (0 = title, 1 = first paragraph). */
  paragraph: number;
  segments: { paragraph: number; start: number; end: number; text: string }[];
  /** The speaker's name, or null when the quote has none. */
  speaker: string | null;
  speakerId: string | null;
  /** `confirmed` by the editor, `suggested` by detection only, or `unattributed`. */
  status: QuoteStatus;
  /** True when the speaker is confirmed (status `confirmed`). */
  confirmed: boolean;
  /** The detection's confidence in the speaker, 0..1 (1 for the editor's own choices). */
  confidence: number;
}

/** The whole JSON document. */
export interface QuotesJson {
  format: 'galley-quotes';
  version: 1;
  title: string;
  /** How `start`/`end` are counted. */
  offsets: 'utf-16';
  /** Length of the corrected text the offsets point into. */
  textLength: number;
  speakers: { id: string; name: string; aliases: string[] }[];
  quotes: QuoteEntry[];
}

/** The quotes of a model as data. */
export function quotesData(model: ArticleModel): QuotesJson {
  return {
    format: 'galley-quotes',
    version: 1,
    title: model.title,
    offsets: 'utf-16',
    textLength: model.text.length,
    speakers: model.speakers.map((s) => ({ id: s.id, name: s.name, aliases: [...s.aliases] })),
    quotes: model.quotes.map((quote) => ({
      id: quote.id,
      number: quote.number,
      text: quote.text,
      start: quote.start,
      end: quote.end,
      paragraph: quote.segments[0]!.block,
      segments: quote.segments.map((s) => ({ paragraph: s.block, start: s.start, end: s.end, text: s.text })),
      speaker: quote.speaker ? speakerName(quote.speaker) : null,
      speakerId: quote.speaker?.id ?? null,
      status: quote.status,
      confirmed: quote.status === 'confirmed',
      confidence: quote.confidence,
    })),
  };
}

/** The quotes of a document as pretty-printed JSON (ends with a newline). */
export function exportQuotesJson(doc: Node): string {
  return `${JSON.stringify(quotesData(articleModel(doc)), null, 2)}\n`;
}
