/**
 * The editor's keyboard shortcuts, as data. `shortcuts` is what the help panel lists; the keymap
 * is built from the same table so the two cannot disagree.
 */
import { keydownHandler } from 'prosemirror-keymap';
import { redo, undo } from 'prosemirror-history';
import { Selection, TextSelection, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { adjacentGap, selectGap } from './gaps.ts';
import { assignNthSpeaker, markSelectionAsQuote, nextQuoteNeedingSpeaker, quoteAtSelection, unmarkQuoteAtCursor } from './quote-commands.ts';

/** Moves to the next/previous (empty) gap, focusing its field. */
export function goToGap(dir: 1 | -1, emptyOnly = false): Command {
  return (state, dispatch, view) => {
    const gap = adjacentGap(state, dir, emptyOnly);
    if (!gap) return false;
    return selectGap(gap.id)(state, dispatch, view);
  };
}

/**
 * Backspace or Delete next to a gap selects the gap (its field takes the cursor) instead of
 * deleting it, so a gap never disappears by accident. A selection across a gap still deletes it.
 */
export function protectGap(dir: -1 | 1): Command {
  return (state, dispatch, view) => {
    const { selection } = state;
    if (!selection.empty) return false;
    const node = dir === -1 ? selection.$from.nodeBefore : selection.$from.nodeAfter;
    if (!node || node.type.name !== 'gap') return false;
    return selectGap(node.attrs.id as string)(state, dispatch, view);
  };
}

export interface Shortcut {
  keys: string;
  label: string;
  command: Command;
}

/**
 * Undo and redo take their key even when there is nothing to undo or redo. Otherwise the key goes
 * on: the keymap tries Shift+Mod+Z again without Shift (as Mod+Z, undo) when the browser reports
 * the key as "z" (macOS does), so redo with nothing to redo undid the last edit; and the browser's
 * own undo would act on a gap's field.
 */
const alwaysHandled =
  (command: Command): Command =>
  (state, dispatch, view) => {
    command(state, dispatch, view);
    return true;
  };

/**
 * Undo and redo, for the text and a gap's field (below, where they always take their key) and for
 * the page outside any field (app/article-editor.ts).
 */
export const historyShortcuts: readonly Shortcut[] = [
  { keys: 'Mod-z', label: 'Undo', command: undo },
  { keys: 'Mod-Shift-z', label: 'Redo', command: redo },
  { keys: 'Mod-y', label: 'Redo', command: redo },
];

/** Every shortcut of the text editor (ProseMirror key names; Mod is Ctrl, or Cmd on a Mac). */
export const shortcuts: readonly Shortcut[] = [
  ...historyShortcuts.map((shortcut) => ({ ...shortcut, command: alwaysHandled(shortcut.command) })),
  { keys: 'Alt-g', label: 'Next gap', command: goToGap(1) },
  { keys: 'Alt-Shift-g', label: 'Previous gap', command: goToGap(-1) },
  { keys: 'Alt-e', label: 'Next empty gap', command: goToGap(1, true) },
];

/**
 * To the start or the end of the article (Ctrl+Home, Ctrl+End), with Shift extending the
 * selection. The browser's own movement lays out the way there, and a paragraph it skips
 * (`content-visibility`) left the caret at that paragraph's start instead of the article's end.
 */
export function toArticleEdge(dir: 1 | -1, extend = false): Command {
  return (state, dispatch) => {
    const edge = dir > 0 ? Selection.atEnd(state.doc) : Selection.atStart(state.doc);
    if (dispatch) dispatch(state.tr.setSelection(extend ? TextSelection.create(state.doc, state.selection.anchor, edge.head) : edge).scrollIntoView());
    return true;
  };
}

/** Bindings that are not listed as shortcuts. */
const hiddenBindings: Record<string, Command> = {
  Backspace: protectGap(-1),
  Delete: protectGap(1),
  'Ctrl-End': toArticleEdge(1),
  'Ctrl-Home': toArticleEdge(-1),
  'Shift-Ctrl-End': toArticleEdge(1, true),
  'Shift-Ctrl-Home': toArticleEdge(-1, true),
};

/** The bindings object for prosemirror-keymap. */
export function buildKeymap(extra: readonly Shortcut[] = []): Record<string, Command> {
  const bindings: Record<string, Command> = { ...hiddenBindings };
  for (const shortcut of [...shortcuts, ...extra]) bindings[shortcut.keys] = shortcut.command;
  return bindings;
}

/** The same shortcuts for keys pressed inside a gap field. */
export function gapFieldKeys(extra: readonly Shortcut[] = []): (view: EditorView, event: KeyboardEvent) => boolean {
  const bindings: Record<string, Command> = {};
  for (const shortcut of [...shortcuts, ...extra]) bindings[shortcut.keys] = shortcut.command;
  return keydownHandler(bindings);
}

/** Shows a key name the way a user reads it: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function describeKeys(keys: string, mac: boolean): string {
  return keys
    .split('-')
    .map((part) => {
      if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
      if (part === 'Alt') return mac ? '⌥' : 'Alt';
      if (part === 'Shift') return mac ? '⇧' : 'Shift';
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join(mac ? '' : '+');
}

/**
 * The quote shortcuts. `openPicker` shows the speaker picker for a quote (the app provides it).
 */
export function quoteShortcuts(openPicker: (quoteId: string, view: EditorView) => void): Shortcut[] {
  const pickAtCursor: Command = (state, _dispatch, view) => {
    const quote = quoteAtSelection(state);
    if (!quote || !view) return false;
    openPicker(quote.id, view);
    return true;
  };
  const numbered: Shortcut[] = Array.from({ length: 9 }, (_, i) => ({
    keys: `Alt-${i + 1}`,
    label: 'Assign speaker 1…9 (Speakers panel order) to the quote at the cursor',
    command: assignNthSpeaker(i + 1),
  }));
  return [
    { keys: 'Alt-s', label: 'Choose the speaker of the quote at the cursor', command: pickAtCursor },
    { keys: 'Alt-q', label: 'Next quote without a confirmed speaker', command: nextQuoteNeedingSpeaker },
    { keys: 'Alt-m', label: 'Mark the selection as a quote', command: markSelectionAsQuote() },
    { keys: 'Alt-u', label: 'Unmark the quote at the cursor', command: unmarkQuoteAtCursor },
    ...numbered,
  ];
}
