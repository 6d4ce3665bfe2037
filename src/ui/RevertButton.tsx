import { undo as undoCommand } from 'prosemirror-history';
import { useState } from 'react';
import { textToDoc } from '../editor/parse.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useSession, useWorkspace } from './workspace-context.ts';

/** "Revert to original", with confirmation. The revert is one undoable step. */
export function RevertButton() {
  const workspace = useWorkspace();
  const session = useSession();
  const [asking, setAsking] = useState(false);
  const revert = () => {
    setAsking(false);
    const id = workspace.store.getState().currentId;
    const article = id ? workspace.store.getState().articles[id] : undefined;
    if (!article || !session) return;
    session.replaceDocument(textToDoc(article.originalText));
    workspace.store.getState().notify('info', 'The article was reverted to its original text.', { label: 'Undo', run: () => session.run(undoCommand) });
  };
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={!session}>
        Revert to original
      </button>
      {asking && (
        <ConfirmDialog title="Revert to the original article?" onCancel={() => setAsking(false)} actions={[{ label: 'Revert', primary: true, run: revert }]}>
          <p>All corrections and gap fills in this article will be undone. You can still undo the revert with Ctrl+Z.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
