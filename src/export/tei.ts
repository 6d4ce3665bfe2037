/**
 * TEI P5 export: the corrected article as a TEI document, with who said what, what the editor
 * supplied in the gaps and what the editor corrected.
 *
 * Structure:
 *   TEI
 *     teiHeader
 *       fileDesc: titleStmt/title, publicationStmt/p, sourceDesc/p
 *       encodingDesc/editorialDecl/quotation[@marks="all"]  (the article's quotation marks are kept)
 *       profileDesc/particDesc/listPerson/person[@xml:id]   (one per speaker; only when there are any)
 *         persName (the name), persName[@type="alias"] (each alias)
 *     text/body: head (the title), p (each paragraph)
 *
 * Inside head and p, from the outside in:
 * - `<said who="#speaker-…">` for each quote segment. Every `said` has an `xml:id`; the
 *   segments of a quote split over paragraphs are chained with `next`/`prev`. A speaker only
 *   suggested by detection is marked `cert` with the detection's confidence (a probability).
 * - `<choice><sic>original</sic><corr>corrected</corr></choice>` for each correction found by
 *   diffing the original text against the corrected text *with gaps written as their markers*, so
 *   gap fills are not corrections. A deletion has an empty `<corr/>`, an insertion an empty
 *   `<sic/>`. A correction crossing a quote boundary is split; its later parts have an empty sic.
 * - `<supplied reason="blank">fill</supplied>` for a filled gap, `<gap reason="blank"/>` for an
 *   empty one, `<lb/>` for a hard break.
 *
 * Everything from the article is escaped, characters XML cannot carry become U+FFFD, and ids are
 * made valid `xml:id`s (see `xmlNamer`).
 */
import type { Node } from 'prosemirror-model';
import { computeChanges, type Change } from '../changes/diff.ts';
import type { Speaker } from '../editor/schema.ts';
import { articleModel, type ArticleModel, type ModelBlock, type ModelQuote, type Run } from './article-model.ts';
import { escapeXmlAttr, escapeXmlText, xmlNamer } from './escape.ts';

/** Options of the TEI export. */
export interface TeiOptions {
  /** The article as it arrived; without it no corrections are encoded. */
  originalText?: string;
  /** `xml:lang` of the document. Default `en`. */
  lang?: string;
}

/** One piece of a correction inside one block, in marker-text offsets. */
interface ChangePiece {
  change: Change;
  start: number;
  end: number;
}

/** The corrected article as a TEI P5 document. Deterministic; ends with a newline. */
export function exportTei(doc: Node, options: TeiOptions = {}): string {
  return teiFromModel(articleModel(doc), options);
}

/** The TEI export of an already built model. */
export function teiFromModel(model: ArticleModel, options: TeiOptions = {}): string {
  const lang = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(options.lang ?? '') ? options.lang! : 'en';
  const speakerId = xmlNamer('speaker-');
  const quoteId = xmlNamer('quote-');
  const speakers = speakersInUse(model);
  const changes = options.originalText === undefined ? [] : computeChanges(options.originalText, model.markerText);
  const pieces = piecesByBlock(model.blocks, changes);
  const quotes = new Map(model.quotes.map((q) => [q.id, q]));
  const segmentIds = new Map<ModelQuote, string[]>();
  for (const quote of model.quotes) {
    segmentIds.set(
      quote,
      quote.segments.length === 1 ? [quoteId(quote.id)] : quote.segments.map((_, k) => quoteId(`${quote.id}\u0001part${k + 1}`)),
    );
  }

  const header = [
    '  <teiHeader>',
    '    <fileDesc>',
    '      <titleStmt>',
    `        <title>${escapeXmlText(model.title.replace(/\s+/g, ' ').trim() || 'Untitled article')}</title>`,
    '      </titleStmt>',
    '      <publicationStmt>',
    '        <p>Exported from Galley, a copy desk editor.</p>',
    '      </publicationStmt>',
    '      <sourceDesc>',
    '        <p>A news article as corrected by the copy desk; corrections to the text as received are encoded inline.</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <encodingDesc>',
    '      <editorialDecl>',
    '        <quotation marks="all"/>',
    '      </editorialDecl>',
    '    </encodingDesc>',
  ];
  if (speakers.length > 0) {
    header.push('    <profileDesc>', '      <particDesc>', '        <listPerson>');
    for (const speaker of speakers) {
      header.push(`          <person xml:id="${escapeXmlAttr(speakerId(speaker.id))}">`);
      header.push(`            <persName>${escapeXmlText(speaker.name)}</persName>`);
      for (const alias of speaker.aliases) header.push(`            <persName type="alias">${escapeXmlText(alias)}</persName>`);
      header.push('          </person>');
    }
    header.push('        </listPerson>', '      </particDesc>', '    </profileDesc>');
  }
  header.push('  </teiHeader>');

  const body = model.blocks.map((block, i) => {
    const tag = block.kind === 'title' ? 'head' : 'p';
    const inner = renderBlock(block, pieces[i] ?? [], quotes, (quote, segment) => {
      const ids = segmentIds.get(quote)!;
      const attrs: string[] = [`xml:id="${escapeXmlAttr(ids[segment]!)}"`];
      if (quote.speaker) attrs.push(`who="#${escapeXmlAttr(speakerId(quote.speaker.id))}"`);
      if (quote.status === 'suggested') attrs.push(`cert="${formatProbability(quote.confidence)}"`);
      if (segment > 0) attrs.push(`prev="#${escapeXmlAttr(ids[segment - 1]!)}"`);
      if (segment < ids.length - 1) attrs.push(`next="#${escapeXmlAttr(ids[segment + 1]!)}"`);
      return `<said ${attrs.join(' ')}>`;
    });
    return inner === '' ? `      <${tag}/>` : `      <${tag}>${inner}</${tag}>`;
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="${escapeXmlAttr(lang)}">`,
    ...header,
    '  <text>',
    '    <body>',
    ...body,
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
}

/** The registry's speakers, then any speaker a quote names that the registry lacks. */
function speakersInUse(model: ArticleModel): Speaker[] {
  const list = [...model.speakers];
  const known = new Set(list.map((s) => s.id));
  for (const quote of model.quotes) {
    if (quote.speaker && !known.has(quote.speaker.id)) {
      known.add(quote.speaker.id);
      list.push(quote.speaker);
    }
  }
  return list;
}

function formatProbability(value: number): string {
  return String(Math.round(Math.min(1, Math.max(0, value)) * 100) / 100);
}

/**
 * Cuts each correction into its pieces per block (marker-text offsets, clipped to the block's
 * text). A correction that touches no block text (a change to a paragraph separator only) is kept
 * as an empty piece at the end of the block before it.
 */
function piecesByBlock(blocks: readonly ModelBlock[], changes: readonly Change[]): ChangePiece[][] {
  const out: ChangePiece[][] = blocks.map(() => []);
  let b = 0;
  for (const change of changes) {
    const { start, end } = change.corrected;
    while (b < blocks.length - 1 && blocks[b]!.mEnd < start) b++;
    let placed = false;
    for (let i = b; i < blocks.length && blocks[i]!.mStart <= end; i++) {
      const block = blocks[i]!;
      const s = Math.max(start, block.mStart);
      const e = Math.min(end, block.mEnd);
      if (s < e || (start === end && start >= block.mStart && start <= block.mEnd)) {
        out[i]!.push({ change, start: s, end: e });
        placed = true;
      }
    }
    if (!placed) {
      let i = blocks.length - 1;
      while (i > 0 && blocks[i]!.mStart > start) i--;
      out[i]!.push({ change, start: blocks[i]!.mEnd, end: blocks[i]!.mEnd });
    }
  }
  return out;
}

/** Renders one block: quotes outermost, then corrections, then text, gaps and breaks. */
function renderBlock(
  block: ModelBlock,
  pieces: readonly ChangePiece[],
  quotes: Map<string, ModelQuote>,
  openSaid: (quote: ModelQuote, segment: number) => string,
): string {
  let xml = '';
  const segmentIndex = new Map<ModelQuote, number>();
  let openQuote: ModelQuote | null = null;
  let openPiece: ChangePiece | null = null;
  const started = new Set<Change>();
  const zeroWidth = pieces.filter((p) => p.start === p.end);
  const ranged = pieces.filter((p) => p.start < p.end);
  let z = 0;

  const closeChoice = () => {
    if (openPiece) xml += '</corr></choice>';
    openPiece = null;
  };
  const closeSaid = () => {
    closeChoice();
    if (openQuote) xml += '</said>';
    openQuote = null;
  };
  const sic = (change: Change) => {
    if (started.has(change)) return '<sic/>';
    started.add(change);
    const text = change.original.text;
    return text === '' ? '<sic/>' : `<sic>${multiline(text)}</sic>`;
  };
  const emitZeroWidthAt = (pos: number) => {
    for (; z < zeroWidth.length && zeroWidth[z]!.start <= pos; z++) {
      xml += `<choice>${sic(zeroWidth[z]!.change)}<corr/></choice>`;
    }
  };

  // Pieces of runs, cut at correction boundaries (never inside a gap or a break).
  const cuts = [...new Set(pieces.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  let c = 0;
  for (const run of block.runs) {
    const parts: [number, number][] = [];
    let from = run.mStart;
    while (c < cuts.length && cuts[c]! <= run.mStart) c++;
    if (run.kind === 'text') {
      for (; c < cuts.length && cuts[c]! < run.mEnd; c++) {
        parts.push([from, cuts[c]!]);
        from = cuts[c]!;
      }
    }
    parts.push([from, run.mEnd]);
    for (const [s, e] of parts) {
      const quote = run.quote === null ? null : (quotes.get(run.quote) ?? null);
      const piece = ranged.find((p) => p.start < e && p.end > s) ?? null;
      if (quote !== openQuote) closeSaid();
      else if (piece !== openPiece) closeChoice();
      emitZeroWidthAt(s);
      if (quote && quote !== openQuote) {
        const segment = segmentIndex.get(quote) ?? 0;
        segmentIndex.set(quote, segment + 1);
        xml += openSaid(quote, segment + segmentsBefore(quote, block.index));
        openQuote = quote;
      }
      if (piece && piece !== openPiece) {
        xml += `<choice>${sic(piece.change)}<corr>`;
        openPiece = piece;
      }
      xml += renderPart(run, s, e);
    }
  }
  closeSaid();
  emitZeroWidthAt(Number.POSITIVE_INFINITY);
  return xml;
}

/** How many segments of `quote` lie in blocks before `block` (to number the `said` chain). */
function segmentsBefore(quote: ModelQuote, block: number): number {
  let n = 0;
  for (const segment of quote.segments) if (segment.block < block) n++;
  return n;
}

function renderPart(run: Run, start: number, end: number): string {
  if (run.kind === 'break') return '<lb/>';
  if (run.kind === 'gap') {
    return run.fill === '' ? '<gap reason="blank"/>' : `<supplied reason="blank">${multiline(run.fill)}</supplied>`;
  }
  return escapeXmlText(run.text.slice(start - run.mStart, end - run.mStart));
}

/** Escaped text with its line breaks as `<lb/>`. */
function multiline(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeXmlText(line))
    .join('<lb/>');
}
