/**
 * "Show changes": every difference from the original, marked in the text. Inserted text is
 * underlined, deleted text is shown struck through at its place (a widget, not part of the text),
 * gap fills are marked apart. While shown, the marks are mapped on each keystroke and recomputed
 * a moment after typing stops; while hidden, nothing is computed.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { computeDocChanges, REVERT_META, type DocChange } from './changes.ts';

export interface ChangesState {
  shown: boolean;
  changes: readonly DocChange[];
  decorations: DecorationSet;
  /** True when `changes` describe the current document (false while a recompute is pending). */
  fresh: boolean;
}

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
  return new Plugin<ChangesState>({
    key: changesPluginKey,
    state: {
      init: () => ({ shown: false, changes: [], decorations: DecorationSet.empty, fresh: false }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(changesPluginKey) as Meta | undefined;
        if (meta && 'shown' in meta) {
          if (!meta.shown) return { shown: false, changes: [], decorations: DecorationSet.empty, fresh: false };
          const changes = computeDocChanges(original(), state.doc);
          return { shown: true, changes, decorations: decorate(state.doc, changes), fresh: true };
        }
        if (meta && 'changes' in meta) return { ...value, changes: meta.changes, decorations: value.shown ? decorate(state.doc, meta.changes) : value.decorations, fresh: true };
        if (!tr.docChanged || !value.shown) return value;
        if (tr.getMeta(REVERT_META)) {
          const changes = computeDocChanges(original(), state.doc);
          return { ...value, changes, decorations: decorate(state.doc, changes), fresh: true };
        }
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), fresh: false };
      },
    },
    view: (view) => new Recompute(view, original, delay),
    props: { decorations: (state) => changesPluginKey.getState(state)?.decorations },
  });
}

class Recompute {
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private readonly view: EditorView,
    private readonly original: () => Node,
    private readonly delay: number,
  ) {}
  update(view: EditorView, previous: EditorState): void {
    const state = changesPluginKey.getState(view.state);
    if (!state?.shown || view.state.doc === previous.doc) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const changes = computeDocChanges(this.original(), this.view.state.doc);
      this.view.dispatch(this.view.state.tr.setMeta(changesPluginKey, { changes }).setMeta('addToHistory', false));
    }, this.delay);
  }
  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** Shows or hides the changes. */
export function setChangesShown(view: EditorView, shown: boolean): void {
  view.dispatch(view.state.tr.setMeta(changesPluginKey, { shown }).setMeta('addToHistory', false));
}
