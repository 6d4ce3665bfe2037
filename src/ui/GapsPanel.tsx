import { useDeferredValue } from 'react';
import type { EditorState } from 'prosemirror-state';
import { gapContext, gapsOf, placedGaps, selectGap, type GapInfo } from '../editor/gaps.ts';
import { IncrementalList } from './lists.tsx';
import { useEditorValue, useSession } from './workspace-context.ts';

const selectGaps = (state: EditorState) => gapsOf(state);
const noGaps: readonly GapInfo[] = [];

/** "1 of 2 gaps filled". */
export function GapCounter() {
  const gaps = useEditorValue(selectGaps, noGaps);
  if (gaps.length === 0) return null;
  const filled = gaps.filter((gap) => gap.fill !== '').length;
  return (
    <span className={`gap-counter${filled === gaps.length ? ' done' : ''}`} role="status" aria-live="polite">
      {filled} of {gaps.length} gaps filled
    </span>
  );
}

/** The list of gaps with their surrounding words and state; a click jumps to the gap. */
export function GapsPanel() {
  const session = useSession();
  const gaps = useDeferredValue(useEditorValue(selectGaps, noGaps));
  if (!session) return null;
  const state = session.getState();
  const placed = new Map(placedGaps(state).map((gap) => [gap.id, gap.pos]));
  // The item renderer below keeps the document only, not the whole editor state (whose plugin
  // states, e.g. all problem decorations, would otherwise stay in memory until the next render).
  const doc = state.doc;
  return (
    <section className="panel" aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">Gaps</h2>
      {gaps.length === 0 ? (
        <p className="muted">This article has no gaps.</p>
      ) : (
        <IncrementalList
          as="ol"
          className="gap-list"
          items={gaps}
          itemKey={(gap) => gap.id}
          renderItem={(gap) => {
            const pos = placed.get(gap.id);
            const context = pos === undefined ? { before: '', after: '' } : gapContext(doc, pos);
            return (
              <button type="button" className="gap-item" onClick={() => session.run(selectGap(gap.id))}>
                <span className="gap-item-head">
                  <span>Gap {gap.index + 1}</span>
                  <span className={`badge ${gap.fill ? 'badge-ok' : 'badge-todo'}`}>{gap.fill ? 'filled' : 'empty'}</span>
                </span>
                <span className="gap-item-context">
                  … {context.before} <mark>{gap.fill || gap.marker}</mark> {context.after} …
                </span>
              </button>
            );
          }}
        />
      )}
    </section>
  );
}
