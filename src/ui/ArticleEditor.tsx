import { useEffect, useRef } from 'react';
import { undo } from 'prosemirror-history';
import { EditorSession } from '../editor/session.ts';
import { textToDoc } from '../editor/parse.ts';
import { requestRecheck } from '../editor/lint-plugin.ts';
import { useWorkspace } from './workspace-context.ts';

/**
 * Mounts the ProseMirror editor for one article. The session is created in an effect and handed
 * to the workspace; React never re-renders the editable text.
 */
export function ArticleEditor({ articleId }: { articleId: string }) {
  const workspace = useWorkspace();
  const mountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const mount = mountRef.current;
    const article = workspace.store.getState().articles[articleId];
    if (!mount || !article) return;
    let session: EditorSession | null = null;
    const originalText = article.originalText;
    session = new EditorSession(mount, {
      doc: article.doc,
      // Parsed only when "Show changes" is first opened.
      original: () => textToDoc(originalText),
      selection: article.selection,
      attributes: { 'aria-label': 'Article text', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
      onChange: (_state, tr) => {
        if (session) workspace.recordChange(articleId, session, tr.docChanged);
      },
      quotes: {
        analyzer: workspace.quoteAnalyzer,
        openPicker: (quoteId, anchor) => workspace.store.getState().openPicker(quoteId, { left: anchor.left, bottom: anchor.bottom }),
        onError: () => workspace.store.getState().notify('error', 'Quote detection failed; quotes can still be marked by hand.'),
      },
      lint: {
        checker: workspace.proof.checker,
        isIgnored: (key) => workspace.store.getState().articles[articleId]?.settings.ignoredProblems.includes(key) ?? false,
        onActivate: (problem, anchor) => workspace.store.getState().openProblem(problem.id, { left: anchor.left, bottom: anchor.bottom }),
        onError: () => workspace.store.getState().notify('error', 'Proofreading failed; the text can still be edited.'),
      },
      onGapsRemoved: (count) => {
        workspace.store.getState().notify('warning', count === 1 ? 'A gap was deleted.' : `${count} gaps were deleted.`, {
          label: 'Undo',
          run: () => session?.run(undo),
        });
      },
    });
    workspace.editorMounted(session);
    const stopReady = workspace.proof.onReady(() => session && requestRecheck(session.view));
    const stopSettings = workspace.store.subscribe((state, previous) => {
      if (session && state.settings !== previous.settings) requestRecheck(session.view);
    });
    if (!workspace.bench) session.focus();
    return () => {
      stopReady();
      stopSettings();
      workspace.sessions.set(null);
      workspace.store.getState().closePicker();
      workspace.store.getState().closeProblem();
      session?.destroy();
      session = null;
      try {
        workspace.saveNow();
      } catch {
        // reported through the save status
      }
    };
  }, [articleId, workspace]);

  return <div className="article-editor" ref={mountRef} />;
}
