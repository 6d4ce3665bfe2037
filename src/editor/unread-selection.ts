/**
 * A caret the browser has moved and ProseMirror has not read yet.
 *
 * When the user presses an arrow key or clicks, the browser moves its selection at once, but
 * ProseMirror reads it only on the `selectionchange` event that follows, in a later task. A
 * transaction that lands in between (a proofreading result, quote detection) redraws the text and
 * writes the selection ProseMirror still holds back to the page: the caret jumps back and the next
 * key goes in at the old place. Before such a transaction is applied, the session asks this module
 * for the browser's selection and takes it over.
 */
import { NodeSelection, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** Where the browser's selection is, in the view's document, when it is not the state's. */
export function unreadSelection(view: EditorView): { anchor: number; head: number } | null {
  if (view.composing || !view.hasFocus()) return null;
  const current = view.state.selection;
  // A selected gap or a selection over whole blocks: ProseMirror draws those itself, and the
  // browser's selection around them is not what the user chose.
  if (current instanceof NodeSelection || !(current instanceof TextSelection)) return null;
  const range = (view.root as Document).getSelection?.() ?? view.dom.ownerDocument.getSelection();
  if (!range) return null;
  const anchor = positionOf(view, range.anchorNode, range.anchorOffset);
  const head = range.focusNode === range.anchorNode && range.focusOffset === range.anchorOffset ? anchor : positionOf(view, range.focusNode, range.focusOffset);
  if (anchor === null || head === null) return null;
  if (anchor === current.anchor && head === current.head) return null;
  return { anchor, head };
}

function positionOf(view: EditorView, node: globalThis.Node | null, offset: number): number | null {
  if (!node || !view.dom.contains(node)) return null;
  // Inside a label or a gap's field: not a place in the text.
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element || (element !== view.dom && element.closest('[contenteditable="false"]'))) return null;
  try {
    return view.posAtDOM(node, offset);
  } catch {
    return null;
  }
}

/**
 * Gives `tr` the browser's selection when ProseMirror has not read it yet and `tr` does not set a
 * selection of its own. The positions are in the document before `tr`; they are mapped through it.
 */
export function withUnreadSelection(view: EditorView, tr: Transaction): void {
  if (tr.selectionSet) return;
  const unread = unreadSelection(view);
  if (!unread) return;
  const anchor = tr.mapping.map(unread.anchor);
  const head = tr.mapping.map(unread.head);
  if (anchor > tr.doc.content.size || head > tr.doc.content.size) return;
  const $anchor = tr.doc.resolve(anchor);
  const $head = tr.doc.resolve(head);
  if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return;
  tr.setSelection(new TextSelection($anchor, $head));
}
