/**
 * Bringing a place in the text to where the eye is: when the user is taken there from outside
 * the text (a panel's list, a notice), the place goes to the upper middle of the window, below
 * whatever covers the window's top (the toolbar), unless it is well in view already. ProseMirror's
 * own scrolling moves the least it can, which leaves the place at the window's very edge.
 */
import type { EditorView } from 'prosemirror-view';

/** The part of the window a place counts as well in view in, as fractions of its visible height. */
const COMFORTABLE = { from: 0.15, to: 0.8 };
/** Where a place is brought to, as a fraction of the visible height from its top. */
const MIDDLE = 0.4;

/**
 * Scrolls the window so that `pos` is in the middle of the visible part, `topInset` pixels (what
 * covers the top of the window) excluded; nothing when it is well in view already.
 */
export function revealInMiddle(view: EditorView, pos: number, topInset = 0): void {
  const win = view.dom.ownerDocument.defaultView;
  if (!win) return;
  let coords: { top: number; bottom: number };
  try {
    coords = view.coordsAtPos(Math.max(0, Math.min(pos, view.state.doc.content.size)));
  } catch {
    return;
  }
  const height = win.innerHeight - topInset;
  if (height <= 0) return;
  const top = coords.top - topInset;
  if (top >= height * COMFORTABLE.from && coords.bottom - topInset <= height * COMFORTABLE.to) return;
  win.scrollBy({ top: top - height * MIDDLE, behavior: 'instant' });
}
