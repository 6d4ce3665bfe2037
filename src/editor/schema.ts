/**
 * The Galley document schema.
 *
 * A document is a `title` block followed by `paragraph` blocks. Inline content is text, `gap`
 * atoms (a blank `__` left in the article, with the editor's fill) and `hard_break` (a single
 * newline inside a block). Quotes are a `quote` mark carrying the speaker reference; the speaker
 * registry is an attribute of the title block so that "add speaker + tag quote" is one undo step.
 * The article-wide data that changes while editing (speakers, dismissed quotes) sits on the title
 * rather than on the document node: ProseMirror redraws every block when the document node's
 * attributes change, and only the title when the title's do. Saved documents keep them on the
 * document node (`editor/doc-json.ts` converts).
 *
 * The schema also records the exact layout of the imported text (the line breaks between blocks,
 * what trails the last block, the line-ending style and each gap's original marker) so that a
 * document that was not edited exports back to its source byte for byte.
 *
 * Every attribute has a `validate` function: a corrupt save is refused by `Node.fromJSON` +
 * `node.check()` rather than half-loaded.
 */
import { Mark, Schema, type Attrs, type MarkSpec, type MarkType, type NodeSpec } from 'prosemirror-model';

/** A person who speaks in the article. Stored in the title's `speakers` attribute. */
export interface Speaker {
  id: string;
  name: string;
  aliases: string[];
  /** True while the speaker exists only because detection proposed it (no user decision yet). */
  auto?: boolean;
}

const SEPARATOR_RE = /^\n(?:[ \t\r]*\n)+$/;
const TRAILING_RE = /^(?:\n[ \t\r\n]*)?$/;
const GAP_MARKER_RE = /^_{2,}$/;

function isString(value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new RangeError(`expected a string, got ${typeof value}`);
}

function validateTitleSeparator(value: unknown): void {
  if (value !== '') throw new RangeError('the title has no separator before it');
}

function validateTrailing(value: unknown): void {
  isString(value);
  if (!TRAILING_RE.test(value)) throw new RangeError('invalid trailing text');
}

function validateEol(value: unknown): void {
  if (value !== '\n' && value !== '\r\n') throw new RangeError('invalid line ending');
}

/** Throws unless `value` is a well-formed speaker list with unique ids. */
export function validateSpeakers(value: unknown): void {
  if (!Array.isArray(value)) throw new RangeError('speakers must be an array');
  const ids = new Set<string>();
  for (const speaker of value as unknown[]) {
    if (typeof speaker !== 'object' || speaker === null) throw new RangeError('speaker must be an object');
    const { id, name, aliases } = speaker as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw new RangeError('speaker id must be a non-empty string');
    if (ids.has(id)) throw new RangeError(`duplicate speaker id ${id}`);
    ids.add(id);
    if (typeof name !== 'string') throw new RangeError('speaker name must be a string');
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) {
      throw new RangeError('speaker aliases must be strings');
    }
    const auto = (speaker as Record<string, unknown>).auto;
    if (auto !== undefined && typeof auto !== 'boolean') throw new RangeError('speaker auto must be a boolean');
  }
}

function validateStringList(value: unknown): void {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new RangeError('expected a list of strings');
}

function validateId(value: unknown): void {
  isString(value);
  if (value === '') throw new RangeError('id must not be empty');
}

function validateNullableString(value: unknown): void {
  if (value !== null) isString(value);
}

function validateConfidence(value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError('confidence must be 0..1');
}

function validateBoolean(value: unknown): void {
  if (typeof value !== 'boolean') throw new RangeError('expected a boolean');
}

const blockAttrs = {
  before: {
    default: '\n\n',
    validate: (value: unknown) => {
      isString(value);
      if (!SEPARATOR_RE.test(value)) throw new RangeError('invalid paragraph separator');
    },
  },
};

const nodes: Record<string, NodeSpec> = {
  doc: {
    content: 'title paragraph*',
    attrs: {
      trailing: { default: '', validate: validateTrailing },
      eol: { default: '\n', validate: validateEol },
    },
  },
  title: {
    content: 'inline*',
    marks: '',
    defining: true,
    attrs: {
      before: { default: '', validate: validateTitleSeparator },
      speakers: { default: [], validate: validateSpeakers },
      dismissedQuotes: { default: [], validate: validateStringList },
    },
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'article-title' }, 0],
  },
  paragraph: {
    content: 'inline*',
    group: 'block',
    attrs: blockAttrs,
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  text: { group: 'inline' },
  gap: {
    inline: true,
    group: 'inline',
    atom: true,
    selectable: true,
    attrs: {
      id: { validate: validateId },
      fill: { default: '', validate: 'string' },
      marker: {
        default: '__',
        validate: (value: unknown) => {
          isString(value);
          if (!GAP_MARKER_RE.test(value)) throw new RangeError('invalid gap marker');
        },
      },
    },
    toDOM: (node) => ['span', { class: 'gap', 'data-gap-id': node.attrs.id as string }, (node.attrs.fill as string) || '__'],
    parseDOM: [{ tag: 'span.gap', getAttrs: (dom) => ({ id: dom.getAttribute('data-gap-id') ?? 'gap', fill: dom.textContent ?? '' }) }],
  },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

/** A suggested speaker at or above this confidence is pre-filled (and can be accepted in bulk). */
export const CONFIDENT = 0.9;

/** How far a quote's attribution has come, as the text shows it. */
export type QuoteState = 'confirmed' | 'prefilled' | 'suggested' | 'unknown';

export function quoteState(attrs: { readonly speaker?: unknown; readonly confirmed?: unknown; readonly confidence?: unknown }): QuoteState {
  if (attrs.confirmed === true) return 'confirmed';
  if (!attrs.speaker) return 'unknown';
  return typeof attrs.confidence === 'number' && attrs.confidence >= CONFIDENT ? 'prefilled' : 'suggested';
}

const marks: Record<string, MarkSpec> = {
  quote: {
    inclusive: false,
    excludes: 'quote',
    attrs: {
      id: { validate: validateId },
      speaker: { default: null, validate: validateNullableString },
      confirmed: { default: false, validate: validateBoolean },
      confidence: { default: 0, validate: validateConfidence },
      source: {
        default: 'detected',
        validate: (value: unknown) => {
          if (value !== 'detected' && value !== 'user') throw new RangeError('quote source must be detected or user');
        },
      },
    },
    // The state class lives on the mark's own element (not a decoration around the text), so
    // typing inside a quote changes one text node and nothing is redrawn around the caret. The
    // speaker label is this element's `::before` box (styles.css, speaker-colors.ts).
    toDOM: (mark) => {
      const state = quoteState(mark.attrs);
      const attrs: Record<string, string> = {
        class: `quote quote-${state}`,
        'data-quote-id': mark.attrs.id as string,
        'data-speaker': (mark.attrs.speaker as string | null) ?? '',
        'data-quote-confidence': String(mark.attrs.confidence as number),
        'data-source': mark.attrs.source as string,
      };
      if (mark.attrs.confirmed === true) attrs['data-confirmed'] = '';
      if (state === 'prefilled' || state === 'suggested') attrs['data-confidence'] = `${Math.round((mark.attrs.confidence as number) * 100)}%`;
      return ['span', attrs, 0];
    },
    // Every attribute is read back as it was drawn: when the browser's own editing (Backspace at
    // a quote's end) makes ProseMirror read a quote's element again, the mark it reads must equal
    // the one in the document, or the whole quote counts as changed and is retyped without it.
    parseDOM: [{ tag: 'span.quote', getAttrs: (dom) => quoteAttrsFromDOM(dom) }],
  },
};

/** A quote element's mark attributes, as `toDOM` wrote them (defaults for what is missing or out of range). */
function quoteAttrsFromDOM(dom: HTMLElement): Attrs {
  const confidence = Number(dom.getAttribute('data-quote-confidence') ?? 0);
  return {
    id: dom.getAttribute('data-quote-id') || 'q',
    speaker: dom.getAttribute('data-speaker') || null,
    confirmed: dom.hasAttribute('data-confirmed'),
    confidence: confidence >= 0 && confidence <= 1 ? confidence : 0,
    source: dom.getAttribute('data-source') === 'user' ? 'user' : 'detected',
  };
}

/** The one schema every Galley document uses. */
export const schema = new Schema({ nodes, marks });

/** A quote mark's attributes (see the `quote` mark above). */
export interface QuoteMarkAttrs {
  id: string;
  speaker: string | null;
  confirmed: boolean;
  confidence: number;
  source: 'detected' | 'user';
}

const quoteType = schema.marks.quote!;
// The mark class's constructor takes a type and finished attributes; it is not in ProseMirror's
// published types, so it is named here once.
const MarkWithAttrs = Mark as unknown as new (type: MarkType, attrs: Attrs) => Mark;

/**
 * A quote mark whose attributes are a plain object. `MarkType.create` checks the attributes and
 * keeps them in an object without a prototype, which V8 stores as a hash table (about 140 bytes
 * a quote, against 30): a long read has over a thousand quotes. The attributes are checked by
 * `create` all the same; the mark is equal (`eq`) to the one `create` makes.
 */
export function quoteMark(attrs: QuoteMarkAttrs): Mark {
  const a = quoteType.create(attrs).attrs as unknown as QuoteMarkAttrs;
  return new MarkWithAttrs(quoteType, { id: a.id, speaker: a.speaker, confirmed: a.confirmed, confidence: a.confidence, source: a.source });
}

// Quote marks read from saved documents get the same plain attributes.
const markFromJSON = schema.markFromJSON;
schema.markFromJSON = (json: unknown): Mark => {
  const mark = markFromJSON(json);
  return mark.type === quoteType ? quoteMark(mark.attrs as unknown as QuoteMarkAttrs) : mark;
};
