/**
 * Quotes as CSV, for spreadsheets: one row per quote with its speaker, its text, its paragraph
 * and whether the speaker is confirmed or only suggested.
 *
 * RFC 4180: CRLF between records, a header row, fields holding a comma, a double quote, CR or LF
 * enclosed in double quotes with inner double quotes doubled. Cells are made safe against
 * formula injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be
 * run as a formula by Excel or LibreOffice, so it gets a leading apostrophe (`'`), which the
 * spreadsheets show as text.
 */
import type { Node } from 'prosemirror-model';
import { articleModel, speakerName, STATUS_LABEL, type ArticleModel } from './article-model.ts';

/** Options of the CSV export. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read UTF-8. Default false. */
  bom?: boolean;
}

/** The header row. */
export const CSV_HEADER = ['number', 'speaker', 'quote', 'paragraph', 'status'] as const;

/** Neutralizes a cell a spreadsheet would read as a formula. */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Writes one field per RFC 4180 (quoted only when it must be). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes rows as RFC 4180 CSV, every cell made formula-safe. Ends with CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => csvField(defuseFormula(cell))).join(',')).join('\r\n') + '\r\n';
}

/** The rows (header first) of a model's quotes. Status is `confirmed`, `suggested` or `no speaker`. */
export function quoteRows(model: ArticleModel): string[][] {
  return [
    [...CSV_HEADER],
    ...model.quotes.map((quote) => [
      String(quote.number),
      quote.speaker ? speakerName(quote.speaker) : '',
      quote.text,
      String(quote.segments[0]!.block),
      STATUS_LABEL[quote.status],
    ]),
  ];
}

/** The quotes of a document as CSV. */
export function exportQuotesCsv(doc: Node, options: CsvOptions = {}): string {
  return (options.bom ? '\uFEFF' : '') + toCsv(quoteRows(articleModel(doc)));
}
