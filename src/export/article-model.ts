/**
 * The article as every exporter sees it: one walk over the document into plain data.
 *
 * A ProseMirror document is a tree of nodes with marks; the exporters want a flat list of
 * blocks, each a list of runs (text, gap, hard break) tagged with the quote they belong to, and
 * for every run its offsets in the corrected text (the plain-text export, `exportPlainText`).
 * They also want whole quotes (segments joined by their shared id, in document order) with
 * their speaker resolved from the registry, and the gaps.
 *
 * Offsets count JavaScript string indexes (UTF-16 code units) in the corrected text, which is
 * written with the document's line ending: with CRLF articles a hard break is two characters.
 * Besides the corrected text, the model keeps the *marker text*: the corrected text with every
 * gap written as its original marker (`__`). The marker text differs from the original only by
 * the editor's corrections, not by gap fills, so exporters that tell corrections and fills apart
 * (TEI) diff the original against it. Every run and block has offsets in both texts.
 */
import type { Node } from 'prosemirror-model';
import type { Speaker } from '../editor/schema.ts';
import { speakersOf } from '../editor/article-attrs.ts';

/** A piece of a block: text, a gap or a hard break, and the quote it is part of. */
export type Run = TextRun | GapRun | BreakRun;

interface RunBase {
  /** The run's text in the corrected text (a gap's fill or its marker; a break's line ending). */
  text: string;
  /** Offsets in the corrected text. */
  start: number;
  end: number;
  /** Offsets in the marker text (gaps written as their markers). */
  mStart: number;
  mEnd: number;
  /** The id of the quote this run belongs to, or null. */
  quote: string | null;
}

export interface TextRun extends RunBase {
  kind: 'text';
}

export interface GapRun extends RunBase {
  kind: 'gap';
  id: string;
  fill: string;
  marker: string;
}

export interface BreakRun extends RunBase {
  kind: 'break';
}

/** A block (the title or a paragraph). */
export interface ModelBlock {
  /** 0 = title, 1 = first paragraph. */
  index: number;
  kind: 'title' | 'paragraph';
  /** The block's text in the corrected text. */
  text: string;
  /** Offsets of the block's text in the corrected text (separators excluded). */
  start: number;
  end: number;
  /** Offsets in the marker text. */
  mStart: number;
  mEnd: number;
  runs: Run[];
}

/** One contiguous piece of a quote inside one block. */
export interface QuoteSegment {
  block: number;
  start: number;
  end: number;
  text: string;
}

/** How far the speaker of a quote is settled. */
export type QuoteStatus = 'confirmed' | 'suggested' | 'unattributed';

/** A whole quote: its segments, in order, and its speaker. */
export interface ModelQuote {
  id: string;
  /** 1-based position among the article's quotes. */
  number: number;
  /** The speaker, resolved from the registry (an id missing from it gets its id as name), or null. */
  speaker: Speaker | null;
  /** The `confirmed` flag of the quote mark (the first segment's). */
  confirmed: boolean;
  confidence: number;
  source: 'detected' | 'user';
  /** `confirmed` needs a speaker too; a speaker the editor has not confirmed is `suggested`. */
  status: QuoteStatus;
  segments: QuoteSegment[];
  /** The segments' texts, joined by a space within a block and a newline across blocks. */
  text: string;
  /** From the first segment's start to the last segment's end, in the corrected text. */
  start: number;
  end: number;
}

/** A gap and where its fill (or marker) stands in the corrected text. */
export interface ModelGap {
  id: string;
  fill: string;
  marker: string;
  block: number;
  start: number;
  end: number;
}

/** Everything the exporters need, computed in one walk. */
export interface ArticleModel {
  /** The title block's text. */
  title: string;
  /** The corrected text: equal to `exportPlainText(doc)`. */
  text: string;
  /** The corrected text with gaps written as their markers. */
  markerText: string;
  eol: '\n' | '\r\n';
  blocks: ModelBlock[];
  quotes: ModelQuote[];
  gaps: ModelGap[];
  /** The speaker registry, in registry order. */
  speakers: Speaker[];
}

/** Builds the model of a document. Linear in the size of the document. */
export function articleModel(doc: Node): ArticleModel {
  const eol = doc.attrs.eol as '\n' | '\r\n';
  const convert = eol === '\r\n' ? (s: string) => s.replaceAll('\n', '\r\n') : (s: string) => s;
  const speakers = speakersOf(doc);
  const byId = new Map(speakers.map((s) => [s.id, s]));
  const blocks: ModelBlock[] = [];
  const gaps: ModelGap[] = [];
  const quotes = new Map<string, ModelQuote>();
  let text = '';
  let markerText = '';

  doc.forEach((node, _offset, index) => {
    const before = convert(node.attrs.before as string);
    text += before;
    markerText += before;
    const block: ModelBlock = {
      index,
      kind: index === 0 ? 'title' : 'paragraph',
      text: '',
      start: text.length,
      end: 0,
      mStart: markerText.length,
      mEnd: 0,
      runs: [],
    };
    node.forEach((child) => {
      const mark = child.marks.find((m) => m.type.name === 'quote');
      const quote = mark ? (mark.attrs.id as string) : null;
      const start = text.length;
      const mStart = markerText.length;
      let run: Run;
      if (child.isText) {
        const value = convert(child.text ?? '');
        text += value;
        markerText += value;
        run = { kind: 'text', text: value, start, end: text.length, mStart, mEnd: markerText.length, quote };
      } else if (child.type.name === 'gap') {
        const fill = child.attrs.fill as string;
        const marker = child.attrs.marker as string;
        const value = convert(fill || marker);
        text += value;
        markerText += marker;
        const id = child.attrs.id as string;
        run = { kind: 'gap', id, fill, marker, text: value, start, end: text.length, mStart, mEnd: markerText.length, quote };
        gaps.push({ id, fill, marker, block: index, start, end: text.length });
      } else {
        text += eol;
        markerText += eol;
        run = { kind: 'break', text: eol, start, end: text.length, mStart, mEnd: markerText.length, quote };
      }
      block.runs.push(run);
      if (mark && quote !== null) addToQuote(quotes, mark.attrs, quote, index, run, byId);
    });
    block.end = text.length;
    block.mEnd = markerText.length;
    block.text = text.slice(block.start, block.end);
    blocks.push(block);
  });
  const trailing = convert(doc.attrs.trailing as string);
  text += trailing;
  markerText += trailing;

  const list = [...quotes.values()];
  list.forEach((quote, i) => {
    quote.number = i + 1;
    quote.text = joinSegments(quote.segments);
    quote.start = quote.segments[0]!.start;
    quote.end = quote.segments[quote.segments.length - 1]!.end;
  });
  return { title: blocks[0]?.text ?? '', text, markerText, eol, blocks, quotes: list, gaps, speakers };
}

function addToQuote(
  quotes: Map<string, ModelQuote>,
  attrs: Record<string, unknown>,
  id: string,
  block: number,
  run: Run,
  byId: Map<string, Speaker>,
): void {
  let quote = quotes.get(id);
  if (!quote) {
    const speakerId = attrs.speaker as string | null;
    const speaker = speakerId === null ? null : (byId.get(speakerId) ?? { id: speakerId, name: speakerId, aliases: [] });
    const confirmed = attrs.confirmed as boolean;
    quote = {
      id,
      number: 0,
      speaker,
      confirmed,
      confidence: attrs.confidence as number,
      source: attrs.source as 'detected' | 'user',
      status: speaker === null ? 'unattributed' : confirmed ? 'confirmed' : 'suggested',
      segments: [],
      text: '',
      start: 0,
      end: 0,
    };
    quotes.set(id, quote);
  }
  const last = quote.segments[quote.segments.length - 1];
  if (last && last.block === block && last.end === run.start) {
    last.end = run.end;
    last.text += run.text;
  } else {
    quote.segments.push({ block, start: run.start, end: run.end, text: run.text });
  }
}

function joinSegments(segments: readonly QuoteSegment[]): string {
  let text = '';
  segments.forEach((segment, i) => {
    if (i > 0) text += segment.block === segments[i - 1]!.block ? ' ' : '\n';
    text += segment.text;
  });
  return text;
}

/** A speaker's display name: the name, or the id when the name is empty. */
export function speakerName(speaker: Speaker): string {
  return speaker.name.trim() === '' ? speaker.id : speaker.name;
}

/** Human words for a quote's status, for formats read by people. */
export const STATUS_LABEL: Readonly<Record<QuoteStatus, string>> = {
  confirmed: 'confirmed',
  suggested: 'suggested',
  unattributed: 'no speaker',
};
