/**
 * Commands on the speaker registry (an attribute of the title block) and the quotes that refer to it.
 * Each is one transaction: "add a speaker and tag the quote" is one undo step, and so is a merge.
 */
import type { Command, Transaction } from 'prosemirror-state';
import { quotesInDoc } from './quote-marks.ts';
import { setArticleAttr, speakersOf } from './article-attrs.ts';
import { rewriteQuote, rewriteQuotes } from './quote-commands.ts';
import type { Speaker } from './schema.ts';

/** A stable, readable id for a new speaker ("Oleksiy Frantzkevych" → "oleksiy-frantzkevych"). */
export function speakerIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'speaker';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function setSpeakers(tr: Transaction, speakers: Speaker[]): Transaction {
  return setArticleAttr(tr, 'speakers', speakers);
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** Creates a speaker and, if `quoteId` is given, assigns it to that quote (confirmed). */
export function createSpeaker(name: string, quoteId?: string, onCreated?: (id: string) => void): Command {
  return (state, dispatch) => {
    const clean = cleanName(name);
    if (!clean) return false;
    const speakers = speakersOf(state.doc);
    const existing = speakers.find((s) => s.name.toLowerCase() === clean.toLowerCase());
    const id = existing?.id ?? speakerIdFor(clean, new Set(speakers.map((s) => s.id)));
    if (dispatch) {
      const tr = state.tr;
      if (!existing) setSpeakers(tr, [...speakers, { id, name: clean, aliases: [] }]);
      if (quoteId) {
        const quote = quotesInDoc(state.doc).find((q) => q.id === quoteId);
        if (quote) rewriteQuote(tr, quote, { speaker: id, confirmed: true, confidence: 1 });
      }
      dispatch(tr);
      onCreated?.(id);
    }
    return true;
  };
}

/** Renames a speaker; the old name is kept as an alias so detection still recognises it. */
export function renameSpeaker(id: string, name: string): Command {
  return (state, dispatch) => {
    const clean = cleanName(name);
    const speakers = speakersOf(state.doc);
    const speaker = speakers.find((s) => s.id === id);
    if (!speaker || !clean || clean === speaker.name) return false;
    if (dispatch) {
      const aliases = [...new Set([...speaker.aliases, speaker.name])].filter((a) => a !== clean);
      dispatch(setSpeakers(state.tr, speakers.map((s) => (s.id === id ? { id, name: clean, aliases } : s))));
    }
    return true;
  };
}

/** Adds an alias (another way the article names the speaker). */
export function addAlias(id: string, alias: string): Command {
  return (state, dispatch) => {
    const clean = cleanName(alias);
    const speakers = speakersOf(state.doc);
    const speaker = speakers.find((s) => s.id === id);
    if (!speaker || !clean || clean === speaker.name || speaker.aliases.includes(clean)) return false;
    if (dispatch) dispatch(setSpeakers(state.tr, speakers.map((s) => (s.id === id ? { id, name: s.name, aliases: [...s.aliases, clean] } : s))));
    return true;
  };
}

/** Removes an alias; the speaker is then the user's, so the next detection run does not bring the alias back. */
export function removeAlias(id: string, alias: string): Command {
  return (state, dispatch) => {
    const speakers = speakersOf(state.doc);
    const speaker = speakers.find((s) => s.id === id);
    if (!speaker || !speaker.aliases.includes(alias)) return false;
    if (dispatch) dispatch(setSpeakers(state.tr, speakers.map((s) => (s.id === id ? { id, name: s.name, aliases: s.aliases.filter((a) => a !== alias) } : s))));
    return true;
  };
}

/** Merges `fromId` into `intoId`: its name and aliases become aliases, its quotes move over. */
export function mergeSpeakers(fromId: string, intoId: string): Command {
  return (state, dispatch) => {
    if (fromId === intoId) return false;
    const speakers = speakersOf(state.doc);
    const from = speakers.find((s) => s.id === fromId);
    const into = speakers.find((s) => s.id === intoId);
    if (!from || !into) return false;
    if (dispatch) {
      const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter((a) => a !== into.name);
      const tr = setSpeakers(
        state.tr,
        speakers.filter((s) => s.id !== fromId).map((s) => (s.id === intoId ? { id: intoId, name: into.name, aliases } : s)),
      );
      rewriteQuotes(
        tr,
        quotesInDoc(state.doc)
          .filter((quote) => quote.speaker === fromId)
          .map((quote) => [quote, { speaker: intoId }] as const),
      );
      dispatch(tr);
    }
    return true;
  };
}

/** Deletes a speaker; their quotes become unassigned. */
export function deleteSpeaker(id: string): Command {
  return (state, dispatch) => {
    const speakers = speakersOf(state.doc);
    if (!speakers.some((s) => s.id === id)) return false;
    if (dispatch) {
      const tr = setSpeakers(state.tr, speakers.filter((s) => s.id !== id));
      rewriteQuotes(
        tr,
        quotesInDoc(state.doc)
          .filter((quote) => quote.speaker === id)
          .map((quote) => [quote, { speaker: null, confirmed: false, confidence: 0, source: 'user' }] as const),
      );
      dispatch(tr);
    }
    return true;
  };
}
