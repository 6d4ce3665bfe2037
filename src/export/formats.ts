/**
 * Every export format, as data, so the export dialog can list them and run the one chosen.
 *
 * Each entry has an id, a label for the menu, the file extension and MIME type, whether the
 * result is binary, and `build`, which turns an `ExportInput` into the file's content. `build`
 * is always async (the Word export packs a zip) and returns a string for text formats and a
 * `Uint8Array` for binary ones. An `ArticleRecord` from the store is a valid `ExportInput`.
 */
import type { Node } from 'prosemirror-model';
import { exportChangesReport } from './changes-report.ts';
import { exportDocx } from './docx.ts';
import { exportHtml } from './html.ts';
import { exportMarkdown } from './markdown.ts';
import { exportProject, type ProjectSettings } from './project.ts';
import { exportQuotesCsv } from './quotes-csv.ts';
import { exportQuotesJson } from './quotes-json.ts';
import { exportTei } from './tei.ts';
import { exportPlainText, fileNameFor } from './text.ts';
import { exportWebAnnotations } from './web-annotation.ts';

/** What an export needs: the document and, for some formats, the rest of the article. */
export interface ExportInput {
  doc: Node;
  /** The article as it arrived (corrections in TEI and Web Annotation; the project file). */
  originalText: string;
  /** The library title (file names, the project file). */
  title: string;
  settings?: ProjectSettings;
  createdAt?: number;
  updatedAt?: number;
}

export type ExportFormatId = 'changes' | 'txt' | 'md' | 'html' | 'docx' | 'quotes-json' | 'quotes-csv' | 'webannotation' | 'tei' | 'project';

/** One export format. */
export interface ExportFormat {
  id: ExportFormatId;
  /** Menu label, with the extension: `Markdown (.md)`. */
  label: string;
  /** A sentence for the dialog. */
  description: string;
  /** File extension without the dot (may contain one: `tei.xml`). */
  extension: string;
  mime: string;
  binary: boolean;
  build(input: ExportInput): Promise<string | Uint8Array>;
}

/** The file name for an export of an article: its title, slugged, with the format's extension. */
export function exportFileName(input: Pick<ExportInput, 'title'>, format: Pick<ExportFormat, 'extension'>): string {
  return fileNameFor(input.title, format.extension);
}

const EMPTY_SETTINGS: ProjectSettings = { ignoredProblems: [], dictionary: [] };

/** The formats, in menu order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'txt',
    label: 'Plain text (.txt)',
    description: 'The corrected article in its original layout.',
    extension: 'txt',
    mime: 'text/plain;charset=utf-8',
    binary: false,
    build: async (input) => exportPlainText(input.doc),
  },
  {
    id: 'md',
    label: 'Markdown (.md)',
    description: 'The corrected article as Markdown, with each quote’s speaker as a footnote.',
    extension: 'md',
    mime: 'text/markdown;charset=utf-8',
    binary: false,
    build: async (input) => exportMarkdown(input.doc),
  },
  {
    id: 'html',
    label: 'Web page (.html)',
    description: 'A standalone page; hover over a quote to see who said it.',
    extension: 'html',
    mime: 'text/html;charset=utf-8',
    binary: false,
    build: async (input) => exportHtml(input.doc),
  },
  {
    id: 'docx',
    label: 'Word (.docx)',
    description: 'A Word document with quotes highlighted and their speakers as comments.',
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
    build: (input) => exportDocx(input.doc),
  },
  {
    id: 'quotes-json',
    label: 'Quotes as JSON (.json)',
    description: 'Every quote with its position in the text, its speaker and whether it is confirmed.',
    extension: 'quotes.json',
    mime: 'application/json',
    binary: false,
    build: async (input) => exportQuotesJson(input.doc),
  },
  {
    id: 'quotes-csv',
    label: 'Quotes as CSV (.csv)',
    description: 'A spreadsheet of the quotes and their speakers.',
    extension: 'quotes.csv',
    mime: 'text/csv;charset=utf-8',
    binary: false,
    build: async (input) => exportQuotesCsv(input.doc, { bom: true }),
  },
  {
    id: 'webannotation',
    label: 'Web Annotations (.jsonld)',
    description: 'W3C Web Annotations: the speaker of each quote, and each edit to the text.',
    extension: 'annotations.jsonld',
    mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    binary: false,
    build: async (input) =>
      exportWebAnnotations(input.doc, {
        originalText: input.originalText,
        source: fileNameFor(input.title, 'txt'),
        originalSource: fileNameFor(input.title, 'original.txt'),
      }),
  },
  {
    id: 'tei',
    label: 'TEI XML (.xml)',
    description: 'TEI P5 with speakers, quotes, gap fills and corrections encoded.',
    extension: 'tei.xml',
    mime: 'application/tei+xml',
    binary: false,
    build: async (input) => exportTei(input.doc, { originalText: input.originalText }),
  },
  {
    id: 'changes',
    label: 'Changes report (.txt)',
    description: 'Every change from the original (original → corrected, with its paragraph), then the corrected article.',
    extension: 'changes.txt',
    mime: 'text/plain;charset=utf-8',
    binary: false,
    build: async (input) => exportChangesReport(input.doc, input.originalText, input.title),
  },
  {
    id: 'project',
    label: 'Galley project (.json)',
    description: 'Everything about the article, to open it again in Galley.',
    extension: 'galley.json',
    mime: 'application/json',
    binary: false,
    build: async (input) =>
      exportProject({
        title: input.title,
        originalText: input.originalText,
        doc: input.doc,
        settings: input.settings ?? EMPTY_SETTINGS,
        ...(input.createdAt === undefined ? {} : { createdAt: input.createdAt }),
        ...(input.updatedAt === undefined ? {} : { updatedAt: input.updatedAt }),
      }),
  },
];

/** The format with this id. */
export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new RangeError(`unknown export format ${id}`);
  return format;
}
