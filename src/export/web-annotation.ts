/**
 * W3C Web Annotation export (JSON-LD): who said each quote, and what the editor changed.
 *
 * Container: one `AnnotationCollection` with its single `AnnotationPage` embedded as `first`
 * (`total` = number of annotations, `startIndex` 0), so a reader gets everything in one file
 * and the document still follows the model's paging structure.
 *
 * - One annotation per quote, motivation `identifying`, whose target is the quote in the
 *   corrected text (the plain-text export, named by `source`). A quote over several paragraphs has
 *   one target per segment. Each target carries a `TextQuoteSelector` (exact, prefix, suffix) and
 *   a `TextPositionSelector` whose `start`/`end` count Unicode code points, as the model requires
 *   (not UTF-16 code units: an emoji counts 1). The body is a `TextualBody` with the speaker's
 *   name, purpose `identifying` when the editor confirmed the speaker and `tagging` when detection
 *   only suggested it. A quote without a speaker has motivation `highlighting` and no body.
 * - One annotation per correction (`computeChanges` between the original and the corrected
 *   text), motivation `editing`. An edit is a request to change its target, so the target is the
 *   range of the *original* text (named by `originalSource`) and the body holds the new text
 *   (purpose `editing`), plus a `tagging` body `gap fill` or `correction`. An insertion selects
 *   an empty range (exact `""`, its prefix and suffix locate it).
 *
 * Ids are fragment IRIs relative to the file (`#quote-q1`, `#edit-1`) unless `idBase` is given;
 * nothing depends on the clock unless `created` is given. The text is not Unicode-normalized:
 * selectors describe the exported text exactly as written.
 */
import type { Node } from 'prosemirror-model';
import { computeChanges, type Change } from '../changes/diff.ts';
import { articleModel, speakerName, type ArticleModel, type ModelQuote } from './article-model.ts';
import { codePointMapper, snapToCodePoint } from './escape.ts';
import { fileNameFor } from './text.ts';

/** Options of the Web Annotation export. */
export interface WebAnnotationOptions {
  /** The article as it arrived; without it only gap fills are reported as edits. */
  originalText?: string;
  /** IRI (or relative reference) of the corrected text. Default: the plain-text export's file name. */
  source?: string;
  /** IRI of the original text. Default: `<name>.original.txt`. */
  originalSource?: string;
  /** Prepended to the fragment ids (`#quote-q1`). Default '' (ids relative to this file). */
  idBase?: string;
  /** An ISO 8601 date-time written as `created` on every annotation. Default: none. */
  created?: string;
  /** How many characters of context prefixes and suffixes hold. Default 32. */
  context?: number;
}

export type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface SpecificResource {
  type: 'SpecificResource';
  source: string;
  selector: Selector[];
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'identifying' | 'tagging' | 'editing';
  format: 'text/plain';
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'identifying' | 'highlighting' | 'editing';
  created?: string;
  body?: TextualBody[];
  target: SpecificResource | SpecificResource[];
}

export interface AnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: 'Galley' };
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/** Describes one range of a text with both selectors. */
function targetFor(
  source: string,
  text: string,
  toCodePoint: (offset: number) => number,
  start: number,
  end: number,
  context: number,
): SpecificResource {
  const prefixStart = snapToCodePoint(text, Math.max(0, start - context), 1);
  const suffixEnd = snapToCodePoint(text, Math.min(text.length, end + context), -1);
  const quote: Selector = { type: 'TextQuoteSelector', exact: text.slice(start, end) };
  if (prefixStart < start) quote.prefix = text.slice(prefixStart, start);
  if (suffixEnd > end) quote.suffix = text.slice(end, suffixEnd);
  return {
    type: 'SpecificResource',
    source,
    selector: [quote, { type: 'TextPositionSelector', start: toCodePoint(start), end: toCodePoint(end) }],
  };
}

function body(value: string, purpose: TextualBody['purpose']): TextualBody {
  return { type: 'TextualBody', value, purpose, format: 'text/plain' };
}

/** The annotations of a model as data. */
export function webAnnotationData(model: ArticleModel, options: WebAnnotationOptions = {}): AnnotationCollection {
  const context = Math.max(0, options.context ?? 32);
  const source = options.source ?? fileNameFor(model.title, 'txt');
  const originalSource = options.originalSource ?? source.replace(/(\.txt)?$/, '.original.txt');
  const base = options.idBase ?? '';
  const created = options.created === undefined ? {} : { created: options.created };
  const corrected = model.text;
  const toCodePoint = codePointMapper(corrected);

  const quoteAnnotation = (quote: ModelQuote): Annotation => {
    const targets = quote.segments.map((s) => targetFor(source, corrected, toCodePoint, s.start, s.end, context));
    const target = targets.length === 1 ? targets[0]! : targets;
    const id = `${base}#quote-${encodeURIComponent(quote.id)}`;
    if (!quote.speaker) return { id, type: 'Annotation', motivation: 'highlighting', ...created, target };
    const purpose = quote.status === 'confirmed' ? 'identifying' : 'tagging';
    return { id, type: 'Annotation', motivation: 'identifying', ...created, body: [body(speakerName(quote.speaker), purpose)], target };
  };

  const original = options.originalText ?? model.markerText;
  const toOriginalCodePoint = codePointMapper(original);
  const editAnnotation = (change: Change, index: number): Annotation => ({
    id: `${base}#edit-${index + 1}`,
    type: 'Annotation',
    motivation: 'editing',
    ...created,
    body: [body(change.corrected.text, 'editing'), body(change.kind === 'fill' ? 'gap fill' : 'correction', 'tagging')],
    target: targetFor(originalSource, original, toOriginalCodePoint, change.original.start, change.original.end, context),
  });

  const items = [...model.quotes.map(quoteAnnotation), ...computeChanges(original, corrected).map(editAnnotation)];
  const label = model.title.replace(/\s+/g, ' ').trim();
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${base}#annotations`,
    type: 'AnnotationCollection',
    label: label ? `Quotes and edits: ${label}` : 'Quotes and edits',
    total: items.length,
    generator: { type: 'Software', name: 'Galley' },
    first: { id: `${base}#annotations-page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The Web Annotation export of a document as pretty-printed JSON-LD (ends with a newline). */
export function exportWebAnnotations(doc: Node, options: WebAnnotationOptions = {}): string {
  return `${JSON.stringify(webAnnotationData(articleModel(doc), options), null, 2)}\n`;
}
