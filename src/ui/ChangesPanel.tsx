import { useDeferredValue } from 'react';
import type { EditorState } from 'prosemirror-state';
import { revertChange, type DocChange } from '../editor/changes.ts';
import { changesPluginKey, setChangesShown, type ChangesState } from '../editor/changes-plugin.ts';
import type { EditorSession } from '../editor/session.ts';
import { IncrementalList } from './lists.tsx';
import { useEditorValue, useSession } from './workspace-context.ts';

const selectChanges = (state: EditorState): ChangesState | null => changesPluginKey.getState(state) ?? null;

/** The "Show changes" toggle. */
export function ShowChangesButton() {
  const session = useSession();
  const changes = useEditorValue(selectChanges, null);
  if (!session || !changes) return null;
  return (
    <button type="button" aria-pressed={changes.shown} onClick={() => setChangesShown(session.view, !changes.shown)}>
      {changes.shown ? 'Hide changes' : 'Show changes'}
    </button>
  );
}

function describe(change: DocChange): string {
  const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 58)}…` : text);
  if (change.kind === 'fill') return `gap filled: “${clip(change.after)}”`;
  if (change.kind === 'insert') return `added “${clip(change.after.trim())}”`;
  if (change.kind === 'delete') return `removed “${clip(change.before.trim())}”`;
  return `“${clip(change.before)}” → “${clip(change.after)}”`;
}

function paragraphLabel(block: number): string {
  return block === 0 ? 'Title' : `¶ ${block}`;
}

function jump(session: EditorSession, change: DocChange) {
  session.goTo(change.from);
}

/** Every change against the original, each with its own Revert. */
export function ChangesPanel() {
  const session = useSession();
  const state = useDeferredValue(useEditorValue(selectChanges, null));
  if (!session || !state?.shown) return null;
  const original = session.original;
  return (
    <section className="panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes ({state.changes.length})</h2>
      {state.changes.length === 0 ? (
        <p className="muted">No changes from the original yet.</p>
      ) : (
        <IncrementalList
          as="ol"
          className="change-list"
          items={state.changes}
          itemKey={(change) => change.id}
          itemClassName={(change) => `change-item change-${change.kind}`}
          renderItem={(change) => (
            <>
              <button type="button" className="link" onClick={() => jump(session, change)}>
                <span className="change-where">{paragraphLabel(change.block)}</span> {describe(change)}
              </button>
              <button
                type="button"
                className="small"
                disabled={!state.fresh || !original}
                aria-label={`Revert: ${describe(change)}`}
                onClick={() => original && session.run(revertChange(change, original), false)}
              >
                Revert
              </button>
            </>
          )}
        />
      )}
    </section>
  );
}
