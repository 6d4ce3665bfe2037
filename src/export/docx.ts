/**
 * Word export (.docx) with the `docx` library: the title, the paragraphs, and the quotes with
 * their speakers.
 *
 * Quotes can be highlighted (yellow when the speaker is confirmed, turquoise when only suggested,
 * gray without a speaker) and their speakers written as Word comments anchored on each quote
 * segment, as a table of quotes at the end, or both. The file is packed with
 * `Packer.pack(…, 'uint8array')`, which works the same in the browser and in Node, so
 * `exportDocx` returns a `Uint8Array` everywhere (wrap it in a Blob to download it).
 *
 * Determinism: the `docx` library stamps the package properties and every comment with the
 * current time. Here the package properties (`docProps/core.xml`) are written by us and carry a
 * date only when `date` is given, and comments get no `w:date` unless `date` is given (the
 * attribute is optional in WordprocessingML). Zip entry times still vary, so compare files by
 * their XML parts, never by their bytes.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { Node } from 'prosemirror-model';
import { articleModel, speakerName, STATUS_LABEL, type ArticleModel, type ModelBlock, type ModelQuote } from './article-model.ts';
import { escapeXmlText, xmlSafe } from './escape.ts';

/** Options of the Word export. */
export interface DocxOptions {
  /** Highlight quotes by the state of their speaker. Default true. */
  highlightQuotes?: boolean;
  /** Where speakers go: comments on the quotes (default), a table at the end, both, or nowhere. */
  speakers?: 'comments' | 'table' | 'both' | 'none';
  /** Author of the comments. Default `Galley`. */
  author?: string;
  /** Date of the comments and of the document's created/modified properties. Default: none. */
  date?: Date;
}

const HIGHLIGHT = { confirmed: 'yellow', suggested: 'cyan', unattributed: 'lightGray' } as const;

/**
 * A date whose ISO form is undefined: the `docx` library then leaves the optional `w:date`
 * attribute out of a comment instead of writing the current time.
 */
const NO_DATE: Date = Object.assign(new Date(0), { toISOString: () => undefined as unknown as string });

/** The article as a Word document (the bytes of a .docx file). */
export async function exportDocx(doc: Node, options: DocxOptions = {}): Promise<Uint8Array> {
  const model = articleModel(doc);
  const document = buildDocxDocument(model, options);
  return Packer.pack(document, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(model, options) }]);
}

/** The `docx` Document for a model (exposed for tests and for callers that pack it themselves). */
export function buildDocxDocument(model: ArticleModel, options: DocxOptions = {}): Document {
  const speakers = options.speakers ?? 'comments';
  const withComments = speakers === 'comments' || speakers === 'both';
  const withTable = speakers === 'table' || speakers === 'both';
  const highlight = options.highlightQuotes ?? true;
  const author = xmlSafe(options.author ?? 'Galley');
  const quotes = new Map(model.quotes.map((q) => [q.id, q]));
  const comments: ICommentOptions[] = [];

  const children: (Paragraph | Table)[] = model.blocks.map((block) =>
    blockParagraph(block, quotes, {
      highlight,
      comment: withComments
        ? (quote, part, of) => {
            const id = comments.length;
            comments.push({ id, author, initials: 'G', date: options.date ?? NO_DATE, children: commentParagraphs(quote, part, of) });
            return id;
          }
        : null,
    }),
  );
  if (withTable && model.quotes.length > 0) children.push(...quoteTable(model));

  return new Document({
    title: xmlSafe(model.title),
    creator: 'Galley',
    comments: { children: comments },
    sections: [{ children }],
  });
}

interface BlockOptions {
  highlight: boolean;
  /** Registers a comment for a quote segment and returns its id, or null for no comments. */
  comment: ((quote: ModelQuote, part: number, of: number) => number) | null;
}

function blockParagraph(block: ModelBlock, quotes: Map<string, ModelQuote>, options: BlockOptions): Paragraph {
  const children: ParagraphChild[] = [];
  const segmentsSeen = new Map<ModelQuote, number>();
  // (Declared with `as` so that TypeScript does not narrow it to null: `close` reassigns it.)
  let open = null as { quote: ModelQuote; commentId: number | null } | null;
  const close = () => {
    if (open && open.commentId !== null) {
      children.push(new CommentRangeEnd(open.commentId), new TextRun({ children: [new CommentReference(open.commentId)] }));
    }
    open = null;
  };
  for (const run of block.runs) {
    const quote = run.quote === null ? null : (quotes.get(run.quote) ?? null);
    if (quote !== (open?.quote ?? null)) {
      close();
      if (quote) {
        const before = quote.segments.filter((s) => s.block < block.index).length;
        const part = before + (segmentsSeen.get(quote) ?? 0);
        segmentsSeen.set(quote, (segmentsSeen.get(quote) ?? 0) + 1);
        const commentId: number | null = options.comment ? options.comment(quote, part, quote.segments.length) : null;
        if (commentId !== null) children.push(new CommentRangeStart(commentId));
        open = { quote, commentId };
      }
    }
    const style = quote && options.highlight ? { highlight: HIGHLIGHT[quote.status] } : {};
    if (run.kind === 'break') {
      children.push(new TextRun({ break: 1, ...style }));
      continue;
    }
    const lines = xmlSafe(run.text).split(/\r?\n/);
    lines.forEach((line, i) => {
      if (i > 0) children.push(new TextRun({ break: 1, ...style }));
      if (line !== '') children.push(new TextRun({ text: line, ...style }));
    });
  }
  close();
  if (block.kind === 'title') return new Paragraph({ heading: HeadingLevel.TITLE, children });
  return new Paragraph({ children });
}

function commentParagraphs(quote: ModelQuote, part: number, of: number): Paragraph[] {
  const name = quote.speaker ? xmlSafe(speakerName(quote.speaker)) : 'No speaker identified';
  const state =
    quote.status === 'confirmed'
      ? 'Speaker confirmed by the editor.'
      : quote.status === 'suggested'
        ? `Speaker suggested (confidence ${Math.round(quote.confidence * 100)}%), not confirmed.`
        : 'Speaker not identified yet.';
  const where = of > 1 ? `Quote ${quote.number}, part ${part + 1} of ${of}.` : `Quote ${quote.number}.`;
  return [
    new Paragraph({ children: [new TextRun({ text: name, bold: true })] }),
    new Paragraph({ children: [new TextRun(`${state} ${where}`)] }),
  ];
}

function cell(text: string, bold = false): TableCell {
  const lines = xmlSafe(text).split(/\r?\n/);
  return new TableCell({
    children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });
}

function quoteTable(model: ArticleModel): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: ['#', 'Quote', 'Speaker', 'Status', 'Paragraph'].map((h) => cell(h, true)),
  });
  const rows = model.quotes.map(
    (quote) =>
      new TableRow({
        children: [
          cell(String(quote.number)),
          cell(quote.text),
          cell(quote.speaker ? speakerName(quote.speaker) : ''),
          cell(STATUS_LABEL[quote.status]),
          cell(String(quote.segments[0]!.block)),
        ],
      }),
  );
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT, children: [new TextRun('Quotes and speakers')] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
  ];
}

/** `docProps/core.xml`: title and creator, and dates only when one is given. */
function coreProperties(model: ArticleModel, options: DocxOptions): string {
  const date = options.date ? options.date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXmlText(model.title)}</dc:title>`,
    '<dc:creator>Galley</dc:creator>',
    date ? `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` : '',
    date ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` : '',
    '</cp:coreProperties>',
  ].join('');
}
