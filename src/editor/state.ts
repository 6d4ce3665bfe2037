/**
 * Builds the EditorState of an article: the document, a restored selection and the plugins every
 * Galley editor has. Pure (no DOM), so commands can be tested without a browser.
 */
import type { Node } from 'prosemirror-model';
import { baseKeymap } from 'prosemirror-commands';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Selection, TextSelection, type Plugin } from 'prosemirror-state';
import { gapPlugin } from './gaps.ts';
import { visibleRangePlugin } from './visible-range.ts';
import { buildKeymap, type Shortcut } from './keymap.ts';

/** Where the cursor was, as saved with the article. */
export interface SavedSelection {
  anchor: number;
  head: number;
}

/** A selection that fits `doc`: the saved one when it is still valid, else the start. */
export function restoreSelection(doc: Node, saved: SavedSelection | null | undefined): Selection {
  if (saved) {
    const max = doc.content.size;
    const anchor = Math.min(Math.max(0, saved.anchor), max);
    const head = Math.min(Math.max(0, saved.head), max);
    try {
      return TextSelection.between(doc.resolve(anchor), doc.resolve(head));
    } catch {
      // fall through to the start of the document
    }
  }
  return Selection.atStart(doc);
}

export interface EditorStateOptions {
  selection?: SavedSelection | null;
  extraShortcuts?: readonly Shortcut[];
  plugins?: readonly Plugin[];
}

/** The state an article opens with. */
export function createEditorState(doc: Node, options: EditorStateOptions = {}): EditorState {
  return EditorState.create({
    doc,
    selection: restoreSelection(doc, options.selection),
    plugins: [
      history(),
      keymap(buildKeymap(options.extraShortcuts)),
      keymap(baseKeymap),
      gapPlugin(),
      visibleRangePlugin(),
      ...(options.plugins ?? []),
    ],
  });
}
