/**
 * Builders for export tests: the sample article (fixtures/article.txt) as an editor would leave
 * it (both gaps filled, all twelve quotes marked and confirmed), and a general builder that
 * fills gaps and marks every “…” span of any text.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { blockTexts } from '../../src/editor/block-text.ts';
import { textToDoc } from '../../src/editor/parse.ts';
import { schema, type Speaker } from '../../src/editor/schema.ts';
import { exportHtml } from '../../src/export/html.ts';
import { exportMarkdown } from '../../src/export/markdown.ts';
import { exportProject } from '../../src/export/project.ts';
import { exportQuotesCsv } from '../../src/export/quotes-csv.ts';
import { exportQuotesJson } from '../../src/export/quotes-json.ts';
import { exportTei } from '../../src/export/tei.ts';
import { exportPlainText } from '../../src/export/text.ts';
import { exportWebAnnotations } from '../../src/export/web-annotation.ts';

/** The sample article as it arrived. */
export const SAMPLE_TEXT = readFileSync(new URL('../../fixtures/article.txt', import.meta.url), 'utf8');

export const BELARUSIAN_FIGHTER: Speaker = { id: 'belarusian-fighter', name: 'Belarusian fighter', aliases: [] };
export const FRANTZKEVYCH: Speaker = { id: 'oleksiy-frantzkevych', name: 'Oleksiy Frantzkevych', aliases: ['Frantskevich'] };

/** What to do to a text: fills for its gaps (in order), speakers, and a speaker per quote. */
export interface ArticleSpec {
  /** Fill of the n-th gap (missing or '' leaves it empty). */
  fills?: readonly string[];
  speakers?: readonly Speaker[];
  /**
   * For the n-th “…” span (in text order; a span that runs to the end of its paragraph without a
   * closing mark is taken to the paragraph end): the speaker id (or null), whether it is
   * confirmed, its confidence, and optionally the id of a quote it continues (to build quotes
   * split over paragraphs). Spans beyond the list are not marked.
   */
  quotes?: readonly QuoteSpec[];
}

export interface QuoteSpec {
  speaker: string | null;
  confirmed?: boolean;
  confidence?: number;
  /** The quote id; segments with the same id form one quote. Default `q<n>`. */
  id?: string;
}

/** The ranges (document positions) of every “…” span, in document order. */
export function curlyQuoteSpans(doc: Node): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  for (const block of blockTexts(doc)) {
    for (const match of block.text.matchAll(/“[^“”]*(?:”|$)/g)) {
      spans.push({ from: block.pos + match.index, to: block.pos + match.index + match[0].length });
    }
  }
  return spans;
}

/** Builds a document from text: fills gaps, registers speakers and marks quotes. */
export function buildArticle(text: string, spec: ArticleSpec = {}): Node {
  const doc = textToDoc(text);
  const tr = new Transform(doc);
  let gapIndex = 0;
  doc.descendants((node, pos) => {
    if (node.type.name !== 'gap') return;
    const fill = spec.fills?.[gapIndex++] ?? '';
    if (fill) tr.setNodeMarkup(pos, undefined, { ...node.attrs, fill });
  });
  if (spec.speakers) tr.setNodeAttribute(0, 'speakers', spec.speakers.map((s) => ({ ...s, aliases: [...s.aliases] })));
  const spans = curlyQuoteSpans(tr.doc);
  (spec.quotes ?? []).forEach((quote, i) => {
    const span = spans[i];
    if (!span) throw new Error(`the text has no quote number ${i + 1}`);
    const confirmed = quote.confirmed ?? quote.speaker !== null;
    const mark = schema.marks.quote!.create({
      id: quote.id ?? `q${i + 1}`,
      speaker: quote.speaker,
      confirmed,
      confidence: quote.confidence ?? (quote.speaker ? 1 : 0),
      source: confirmed ? 'user' : 'detected',
    });
    tr.addMark(span.from, span.to, mark);
  });
  tr.doc.check();
  return tr.doc;
}

/** Speaker of each of the sample's twelve quotes: the fighter for 1–7 and 12, Frantzkevych for 8–11. */
export const SAMPLE_QUOTE_SPEAKERS: readonly string[] = [
  ...Array<string>(7).fill(BELARUSIAN_FIGHTER.id),
  ...Array<string>(4).fill(FRANTZKEVYCH.id),
  BELARUSIAN_FIGHTER.id,
];

/** The sample article finished: gaps filled with “tens of” and “only”, twelve quotes confirmed. */
export function sampleDoc(): Node {
  return buildArticle(SAMPLE_TEXT, {
    fills: ['tens of', 'only'],
    speakers: [BELARUSIAN_FIGHTER, FRANTZKEVYCH],
    quotes: SAMPLE_QUOTE_SPEAKERS.map((speaker) => ({ speaker, confirmed: true })),
  });
}

/** The sample article as a project-file article (fixed timestamps). */
export function sampleArticle() {
  return {
    title: 'The Belarusian Soldiers Are Fighting For Ukraine',
    originalText: SAMPLE_TEXT,
    doc: sampleDoc(),
    settings: { ignoredProblems: ['passive-voice:3:12'], dictionary: ['Frantzkevych', 'Frantskevich', 'Lukashenka'] },
    createdAt: Date.UTC(2024, 0, 15, 9, 30),
    updatedAt: Date.UTC(2024, 0, 15, 11, 5),
  };
}

/**
 * The golden exports of the sample article (file name → content), shared by
 * scripts/write-goldens.ts and the golden test so both use the same options.
 */
export function goldenOutputs(): Record<string, string> {
  const article = sampleArticle();
  const doc = article.doc;
  return {
    'sample.txt': exportPlainText(doc),
    'sample.md': exportMarkdown(doc),
    'sample.html': exportHtml(doc),
    'sample.quotes.json': exportQuotesJson(doc),
    'sample.quotes.csv': exportQuotesCsv(doc),
    'sample.annotations.jsonld': exportWebAnnotations(doc, { originalText: SAMPLE_TEXT, source: 'sample.txt', originalSource: 'article.txt' }),
    'sample.tei.xml': exportTei(doc, { originalText: SAMPLE_TEXT }),
    'sample.project.json': exportProject(article),
  };
}

// Readers used to check exports.

/** A small RFC 4180 parser: records of fields, quoted fields with doubled quotes, CRLF between records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unclosed quote');
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** The files of a zip archive (stored or deflated entries), read through its central directory. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = view.getUint16(eocd + 10, true);
  let entry = view.getUint32(eocd + 16, true);
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(entry, true) !== 0x02014b50) throw new Error('bad central directory');
    const method = view.getUint16(entry + 10, true);
    const size = view.getUint32(entry + 20, true);
    const nameLength = view.getUint16(entry + 28, true);
    const extraLength = view.getUint16(entry + 30, true);
    const commentLength = view.getUint16(entry + 32, true);
    const local = view.getUint32(entry + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + nameLength));
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, dataStart + size);
    files.set(name, method === 0 ? data : new Uint8Array(inflateRawSync(data)));
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
