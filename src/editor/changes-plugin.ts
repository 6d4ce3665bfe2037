/**
 * "Show changes": every difference from the original, marked in the text. Inserted text is
 * underlined, deleted text is shown struck through at its place (a widget, not part of the text),
 * gap fills are marked apart. While shown, the marks are mapped on each keystroke and recomputed
 * a moment after typing stops; while hidden, nothing is computed. The comparison itself
 * (changes.ts, with the `diff` package) loads when the changes are first shown, so the page's
 * first script does not carry it.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { QuietTimer } from '../timing/quiet-timer.ts';
import type { DocChange } from './changes.ts';

export interface ChangesState {
  shown: boolean;
  changes: readonly DocChange[];
  decorations: DecorationSet;
  /** True when `changes` describe the current document (false while a recompute is pending). */
  fresh: boolean;
  /** Recompute at once, not after the typing pause: just shown, or a change was reverted. */
  urgent: boolean;
}

/** Set on a transaction that reverts one change (the changes are then recomputed at once). */
export const REVERT_META = 'galley:revertChange';

export const changesPluginKey = new PluginKey<ChangesState>('changes');

type Meta = { shown: boolean } | { changes: DocChange[] };

function decorate(doc: Node, changes: readonly DocChange[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const change of changes) {
    if (change.kind === 'fill') {
      decorations.push(Decoration.node(change.from, change.to, { class: 'change-fill' }));
      continue;
    }
    if (change.before) {
      decorations.push(
        Decoration.widget(
          change.from,
          () => {
            const del = document.createElement('del');
            del.className = 'change-deleted';
            del.textContent = change.before.replace(/\n\n/g, ' ¶ ');
            del.setAttribute('aria-label', `deleted: ${change.before}`);
            del.contentEditable = 'false';
            return del;
          },
          { side: -1, key: `del:${change.id}:${change.before}`, ignoreSelection: true },
        ),
      );
    }
    if (change.to > change.from) decorations.push(Decoration.inline(change.from, change.to, { class: 'change-inserted', nodeName: 'ins' }));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * The changes plugin, comparing against `original`. Given a function, the plugin calls it only
 * when the changes are first shown (and keeps what it returns), so the original is not built
 * for a session that never shows them.
 */
export function changesPlugin(originalDoc: Node | (() => Node), delay = 300): Plugin<ChangesState> {
  let resolved: Node | null = typeof originalDoc === 'function' ? null : originalDoc;
  const original = (): Node => (resolved ??= (originalDoc as () => Node)());
  const hidden: ChangesState = { shown: false, changes: [], decorations: DecorationSet.empty, fresh: false, urgent: false };
  return new Plugin<ChangesState>({
    key: changesPluginKey,
    state: {
      init: () => hidden,
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(changesPluginKey) as Meta | undefined;
        if (meta && 'shown' in meta) return meta.shown ? { ...hidden, shown: true, urgent: true } : hidden;
        if (meta && 'changes' in meta) return { ...value, changes: meta.changes, decorations: value.shown ? decorate(state.doc, meta.changes) : value.decorations, fresh: true, urgent: false };
        if (!tr.docChanged || !value.shown) return value;
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), fresh: false, urgent: value.urgent || tr.getMeta(REVERT_META) === true };
      },
    },
    view: (view) => new Recompute(view, original, delay),
    props: { decorations: (state) => changesPluginKey.getState(state)?.decorations },
  });
}

class Recompute {
  private readonly timer = new QuietTimer(() => this.compute());
  private destroyed = false;
  constructor(
    private readonly view: EditorView,
    private readonly original: () => Node,
    private readonly delay: number,
  ) {}
  update(view: EditorView, previous: EditorState): void {
    const state = changesPluginKey.getState(view.state);
    if (!state?.shown || state.fresh) return;
    if (!state.urgent && view.state.doc === previous.doc) return;
    this.timer.runIn(state.urgent ? 0 : this.delay);
  }
  private compute(): void {
    void import('./changes.ts').then(({ computeDocChanges }) => {
      const state = changesPluginKey.getState(this.view.state);
      if (this.destroyed || !state?.shown) return;
      const changes = computeDocChanges(this.original(), this.view.state.doc);
      this.view.dispatch(this.view.state.tr.setMeta(changesPluginKey, { changes }).setMeta('addToHistory', false));
    });
  }
  destroy(): void {
    this.destroyed = true;
    this.timer.cancel();
  }
}

/** Shows or hides the changes. */
export function setChangesShown(view: EditorView, shown: boolean): void {
  view.dispatch(view.state.tr.setMeta(changesPluginKey, { shown }).setMeta('addToHistory', false));
}
