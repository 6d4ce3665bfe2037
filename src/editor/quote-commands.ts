/**
 * Commands on quotes: set or confirm a speaker, accept confident suggestions, mark a selection as
 * a quote or unmark one, move to the next quote that still needs a speaker. Each command is one
 * transaction, so each is one undo step.
 */
import type { Mark, Node } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { quotesInDoc, type QuoteInDoc } from './quote-marks.ts';
import { dismissedQuotesOf, setArticleAttr, speakersOf } from './article-attrs.ts';
import { CONFIDENT, quoteMark, schema, type QuoteMarkAttrs, type Speaker } from './schema.ts';
import { QuoteMarkEdits } from './quote-mark-edits.ts';

/** At or above this confidence a suggestion is pre-filled and "Accept all" confirms it. */
export { CONFIDENT };
/** Below this a suggestion is only a list of candidates ("who said this?"). */
export const SUGGEST = 0.6;

const quoteType = schema.marks.quote!;

/** The quote mark on the text at a position (either side of it), if any. */
export function quoteMarkAt(doc: Node, pos: number): Mark | null {
  const $pos = doc.resolve(pos);
  const candidates = [$pos.nodeAfter, $pos.nodeBefore];
  for (const node of candidates) {
    const mark = node?.marks.find((m) => m.type === quoteType);
    if (mark) return mark;
  }
  return null;
}

/** The quote the cursor is in, with all its segments. */
export function quoteAtSelection(state: EditorState): QuoteInDoc | null {
  const mark = quoteMarkAt(state.doc, state.selection.from);
  if (!mark) return null;
  return quotesInDoc(state.doc).find((q) => q.id === mark.attrs.id) ?? null;
}

/**
 * Gives each quote new attributes over the same text, as one step (quote-mark-edits.ts): the
 * cost grows with the quotes rewritten, not with quotes × blocks.
 */
export function rewriteQuotes(tr: Transaction, rewrites: Iterable<readonly [QuoteInDoc, Partial<QuoteMarkAttrs>]>): Transaction {
  const edits = new QuoteMarkEdits();
  for (const [quote, attrs] of rewrites) edits.rewrite(quote, attrs);
  const step = edits.step(tr.doc);
  if (step) tr.step(step);
  return tr;
}

/** Gives one quote new attributes over the same text. */
export function rewriteQuote(tr: Transaction, quote: QuoteInDoc, attrs: Partial<QuoteMarkAttrs>): Transaction {
  return rewriteQuotes(tr, [[quote, attrs]]);
}

export type { QuoteMarkAttrs };

/** Marks speakers as chosen by the user (no longer only proposed by detection), in one step. */
export function adoptSpeaker(tr: Transaction, ...speakerIds: string[]): Transaction {
  const adopt = new Set(speakerIds);
  const speakers = speakersOf(tr.doc);
  if (speakers.some((s) => adopt.has(s.id) && s.auto)) {
    setArticleAttr(
      tr,
      'speakers',
      speakers.map((s) => (adopt.has(s.id) && s.auto ? { id: s.id, name: s.name, aliases: s.aliases } : s)),
    );
  }
  return tr;
}

/** Sets (and confirms) the speaker of a quote; null leaves it unassigned. */
export function setQuoteSpeaker(quoteId: string, speakerId: string | null, confirmed = speakerId !== null): Command {
  return (state, dispatch) => {
    const quote = quotesInDoc(state.doc).find((q) => q.id === quoteId);
    if (!quote) return false;
    if (dispatch) {
      // A user's choice (even "nobody") is never overwritten by a later detection run.
      const tr = rewriteQuote(state.tr, quote, { speaker: speakerId, confirmed, confidence: speakerId ? 1 : 0, source: 'user' });
      if (speakerId) adoptSpeaker(tr, speakerId);
      dispatch(tr);
    }
    return true;
  };
}

/** Confirms every suggestion at or above `min` confidence. */
export function acceptConfidentSuggestions(min = CONFIDENT): Command {
  return (state, dispatch) => {
    const quotes = quotesInDoc(state.doc).filter((q) => !q.confirmed && q.speaker !== null && q.confidence >= min);
    if (quotes.length === 0) return false;
    if (dispatch) {
      const tr = rewriteQuotes(
        state.tr,
        quotes.map((quote) => [quote, { confirmed: true }] as const),
      );
      adoptSpeaker(tr, ...new Set(quotes.map((quote) => quote.speaker!)));
      dispatch(tr);
    }
    return true;
  };
}

let userQuoteCounter = 0;
function newQuoteId(): string {
  userQuoteCounter += 1;
  return `qu-${Date.now().toString(36)}-${userQuoteCounter}`;
}

/** Marks the selected text as a quote (one segment per paragraph), replacing quotes inside it. */
export function markSelectionAsQuote(speakerId: string | null = null): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    if (dispatch) {
      const tr = state.tr;
      const mark = quoteMark({ id: newQuoteId(), speaker: speakerId, confirmed: speakerId !== null, confidence: speakerId ? 1 : 0, source: 'user' });
      tr.removeMark(from, to, quoteType);
      state.doc.nodesBetween(from, to, (node, pos) => {
        if (!node.isTextblock) return true;
        const start = Math.max(from, pos + 1);
        const end = Math.min(to, pos + 1 + node.content.size);
        if (end > start) tr.addMark(start, end, mark);
        return false;
      });
      if (speakerId) adoptSpeaker(tr, speakerId);
      dispatch(tr);
    }
    return true;
  };
}

/** The text a dismissed quote is remembered by (so a re-run does not propose it again). */
export function quoteFingerprint(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes a quote; a detected one is remembered as dismissed. */
export function unmarkQuote(quoteId: string): Command {
  return (state, dispatch) => {
    const quote = quotesInDoc(state.doc).find((q) => q.id === quoteId);
    if (!quote) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const segment of quote.segments) tr.removeMark(segment.from, segment.to, quoteType);
      if (quote.source === 'detected') {
        const text = quoteFingerprint(quote.segments.map((s) => state.doc.textBetween(s.from, s.to, '\n', '\uFFFC')).join('\n'));
        const dismissed = dismissedQuotesOf(state.doc);
        if (!dismissed.includes(text)) setArticleAttr(tr, 'dismissedQuotes', [...dismissed, text]);
      }
      dispatch(tr);
    }
    return true;
  };
}

/** Unmarks the quote at the cursor. */
export const unmarkQuoteAtCursor: Command = (state, dispatch, view) => {
  const quote = quoteAtSelection(state);
  return quote ? unmarkQuote(quote.id)(state, dispatch, view) : false;
};

/** Moves the cursor into the next quote (after the cursor, wrapping) whose speaker is not confirmed. */
export const nextQuoteNeedingSpeaker: Command = (state, dispatch) => {
  const quotes = quotesInDoc(state.doc).filter((q) => !q.confirmed);
  if (quotes.length === 0) return false;
  const current = quoteAtSelection(state);
  const after = quotes.find((q) => q.segments[0]!.from > state.selection.from && q.id !== current?.id) ?? quotes.find((q) => q.id !== current?.id) ?? quotes[0]!;
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, after.segments[0]!.from + 1)).scrollIntoView());
  return true;
};

/** Assigns the nth speaker of the registry (1-based) to the quote at the cursor. */
export function assignNthSpeaker(n: number): Command {
  return (state, dispatch, view) => {
    const quote = quoteAtSelection(state);
    const speaker: Speaker | undefined = speakersOf(state.doc)[n - 1];
    if (!quote || !speaker) return false;
    return setQuoteSpeaker(quote.id, speaker.id)(state, dispatch, view);
  };
}
