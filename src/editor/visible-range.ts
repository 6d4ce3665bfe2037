/**
 * The part of the article on screen, so decorations are drawn only where the user can see them.
 *
 * ProseMirror asks every decoration set for each top-level block's decorations on every update,
 * and a set finds a block's decorations by scanning its blocks from the start: with problems in a
 * thousand paragraphs, each keystroke would pay for all of them. The plugins that draw many
 * decorations (problems, quote states) keep the whole set in their state, for panels and
 * commands, and give the view only the part inside a window around the visible text. The window
 * is measured on scroll and resize (once a frame at most) and mapped through edits; it moves only
 * when the visible text comes near its edge, so scrolling redraws a few paragraphs at a time.
 *
 * Without layout (tests without a browser, a hidden editor) there is no window and everything is
 * drawn.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Mapping } from 'prosemirror-transform';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import { afterPaint } from './after-paint.ts';

/** A range of document positions. */
export interface PosRange {
  from: number;
  to: number;
}

/** Positions drawn beyond each end of the visible text (at least; more for a tall screen). */
export const MIN_MARGIN = 6000;

export const visibleRangeKey = new PluginKey<PosRange | null>('visible-range');

/** The margin for a visible range: twice its length, and at least MIN_MARGIN. */
export function marginFor(visible: PosRange): number {
  return Math.max(MIN_MARGIN, 2 * (visible.to - visible.from));
}

/**
 * Where the window should be for this visible range, or null to keep `current`. The window is
 * kept while the visible range stays at least half a margin inside it (or reaches the end of the
 * document that the window already reaches); otherwise it is recentred, one margin each side.
 */
export function nextWindow(current: PosRange | null, visible: PosRange, docSize: number): PosRange | null {
  const margin = marginFor(visible);
  if (current) {
    const bandFrom = current.from <= 0 ? 0 : current.from + margin / 2;
    const bandTo = current.to >= docSize ? docSize : current.to - margin / 2;
    if (visible.from >= bandFrom && visible.to <= bandTo) return null;
  }
  const next = { from: Math.max(0, visible.from - margin), to: Math.min(docSize, visible.to + margin) };
  return current && current.from === next.from && current.to === next.to ? null : next;
}

/** The window of a state (null: draw everything). */
export function windowOf(state: EditorState): PosRange | null {
  return visibleRangeKey.getState(state) ?? null;
}

/** Whether the transaction moved the window. */
export function windowMoved(tr: Transaction): boolean {
  return tr.getMeta(visibleRangeKey) !== undefined;
}

/** The part of `set` the view draws: what lies in the window, or all of it without a window. */
export function windowed(set: DecorationSet, doc: Node, window: PosRange | null): DecorationSet {
  if (!window || set === DecorationSet.empty || (window.from <= 0 && window.to >= doc.content.size)) return set;
  return DecorationSet.create(doc, set.find(window.from, window.to));
}

/** A plugin's whole decoration set and the part of it drawn. */
export interface WindowedDecorations {
  all: DecorationSet;
  shown: DecorationSet;
}

export function windowedDecorations(all: DecorationSet, state: EditorState): WindowedDecorations {
  return { all, shown: windowed(all, state.doc, windowOf(state)) };
}

/** Both sets mapped through a change (one mapping when everything is drawn). */
export function mapWindowed(value: WindowedDecorations, mapping: Mapping, doc: Node): WindowedDecorations {
  const all = value.all.map(mapping, doc);
  return { all, shown: value.shown === value.all ? all : value.shown.map(mapping, doc) };
}

/** Measures which top-level blocks are on screen; null without layout or when none is. */
export function measureVisible(view: EditorView): PosRange | null {
  const dom = view.dom;
  const box = dom.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, dom.ownerDocument.defaultView?.innerHeight ?? 0);
  const blocks = dom.children;
  if (!(bottom > top) || box.width === 0 || blocks.length === 0) return null;
  // The first block whose bottom is below y (blocks are stacked in document order).
  const blockAt = (y: number): number => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.getBoundingClientRect().bottom < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  try {
    const first = blocks[blockAt(top)]!;
    const last = blocks[blockAt(bottom)]!;
    const from = view.posAtDOM(first, 0);
    const to = view.posAtDOM(last, last.childNodes.length);
    return to >= from ? { from, to } : null;
  } catch {
    return null;
  }
}

class WindowWatcher {
  private frame = 0;
  private readonly cancelFirst: () => void;
  private readonly schedule = () => {
    if (this.frame) return;
    const win = this.view.dom.ownerDocument.defaultView;
    if (!win) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  constructor(private readonly view: EditorView) {
    const win = view.dom.ownerDocument.defaultView;
    view.dom.ownerDocument.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    win?.addEventListener('resize', this.schedule, { passive: true });
    // The first measure waits for the first paint: before it, measuring would lay the page out
    // early and redraw the text within the article's first frame.
    this.cancelFirst = afterPaint(() => this.measure());
  }

  update(view: EditorView, previous: EditorState): void {
    // A large change (a pasted chapter, a reverted article) can move what is on screen.
    if (Math.abs(view.state.doc.content.size - previous.doc.content.size) > MIN_MARGIN / 4) this.schedule();
  }

  private measure(): void {
    const visible = measureVisible(this.view);
    if (!visible) return;
    const current = windowOf(this.view.state);
    const size = this.view.state.doc.content.size;
    const next = nextWindow(current, visible, size);
    // Without a window everything is drawn: a window over the whole article changes nothing.
    if (next && (current || next.from > 0 || next.to < size)) this.view.dispatch(this.view.state.tr.setMeta(visibleRangeKey, next).setMeta('addToHistory', false));
  }

  destroy(): void {
    const win = this.view.dom.ownerDocument.defaultView;
    this.cancelFirst();
    if (this.frame) win?.cancelAnimationFrame(this.frame);
    this.view.dom.ownerDocument.removeEventListener('scroll', this.schedule, { capture: true });
    win?.removeEventListener('resize', this.schedule);
  }
}

/** Tracks the window; must come before the plugins that draw in it. */
export function visibleRangePlugin(): Plugin<PosRange | null> {
  return new Plugin<PosRange | null>({
    key: visibleRangeKey,
    state: {
      init: () => null,
      apply(tr, value) {
        const meta = tr.getMeta(visibleRangeKey) as PosRange | undefined;
        if (meta !== undefined) return meta;
        if (!value || !tr.docChanged) return value;
        const size = tr.doc.content.size;
        return { from: Math.min(size, tr.mapping.map(value.from, -1)), to: Math.min(size, tr.mapping.map(value.to, 1)) };
      },
    },
    view: (view) => new WindowWatcher(view),
  });
}
