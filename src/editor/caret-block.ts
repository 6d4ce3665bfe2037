/**
 * Marks the top-level block that holds the caret with the class `caret-block`.
 *
 * The article's paragraphs use `content-visibility: auto`, so that a long article lays out only
 * what is near the screen. Chromium skips a paragraph element it has just been given until its
 * next rendering update has found the paragraph on screen. When the view replaces the paragraph
 * the user is typing in (it does after Enter and the first character typed into the new, empty
 * paragraph), the next key can arrive before that update: the browser inserts the character into
 * a skipped element and loses the caret, and the rest of the word lands in front of the first
 * letter ("lphaA"). The style sheet keeps the caret's block rendered, so it is never skipped.
 *
 * The decoration only sets a class on an existing element (ProseMirror patches the attribute), so
 * moving the caret to another paragraph redraws nothing. A keystroke inside the same block only
 * maps the set (one or two decorations); the set is built again, which walks the article's
 * top-level blocks once, only when the caret reaches another block.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export const CARET_BLOCK_CLASS = 'caret-block';

const caretBlockKey = new PluginKey<DecorationSet>('caret-block');

/** The start positions of the top-level blocks holding the selection's anchor and head. */
export function caretBlockStarts(state: EditorState): number[] {
  const { doc, selection } = state;
  const starts = new Set<number>();
  for (const pos of [selection.head, selection.anchor]) {
    const $pos = doc.resolve(pos);
    // A node selection of a top-level block (none in this schema today) has no block above it.
    if ($pos.depth >= 1) starts.add($pos.before(1));
  }
  return [...starts].sort((a, b) => a - b);
}

function decorate(state: EditorState, starts: readonly number[]): DecorationSet {
  const decorations = starts.map((start) => {
    const node = state.doc.nodeAt(start)!;
    return Decoration.node(start, start + node.nodeSize, { class: CARET_BLOCK_CLASS });
  });
  return DecorationSet.create(state.doc, decorations);
}

export function caretBlockPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: caretBlockKey,
    state: {
      init: (_config, state) => decorate(state, caretBlockStarts(state)),
      apply: (tr, previous, _old, state) => {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const starts = caretBlockStarts(state);
        const kept = tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
        const marked = kept.find();
        const same =
          marked.length === starts.length &&
          marked.every((deco, i) => deco.from === starts[i] && deco.to === deco.from + state.doc.nodeAt(deco.from)!.nodeSize);
        return same ? kept : decorate(state, starts);
      },
    },
    props: {
      decorations: (state) => caretBlockKey.getState(state),
    },
  });
}
