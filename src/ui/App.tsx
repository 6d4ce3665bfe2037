import { DrawerHead, PanelsToggle } from './PanelsDrawer.tsx';
import { useEffect, useLayoutEffect } from 'react';
import { createPortal } from 'react-dom';
import { showInShell, type PageShell } from '../app/page-shell.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ChangesPanel, ShowChangesButton } from './ChangesPanel.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { GapCounter, GapsPanel } from './GapsPanel.tsx';
import { Library } from './Library.tsx';
import { LoadProblems, Notices, ReadOnlyBanner, SaveStatus } from './Notices.tsx';
import { openFile } from './open-article.ts';
import { RevertButton } from './RevertButton.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { ProblemCard } from './ProblemCard.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { SpeakerPicker } from './SpeakerPicker.tsx';
import { SpeakersPanel } from './SpeakersPanel.tsx';
import { useAfterPaint } from './use-after-paint.ts';
import { useWorkspace, useWorkspaceStore } from './workspace-context.ts';

/** Files dropped anywhere on the window open as new articles. */
function useFileDrop() {
  const workspace = useWorkspace();
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      if (workspace.store.getState().tabMode === 'read-only') {
        workspace.store.getState().notify('error', 'This tab is read-only: open the file in the tab that is editing.');
        return;
      }
      void openFile(workspace, file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [workspace]);
}

/**
 * The interface. The page's frame (app/page-shell.ts) is static HTML; the toolbar, banners,
 * library and panels are rendered into its slots, and the article's editor lives in the frame's
 * host, outside every React container, so React sees none of the typing.
 */
export function App({ shell }: { shell: PageShell }) {
  const currentId = useWorkspaceStore((state) => state.currentId);
  const title = useWorkspaceStore((state) => (state.currentId ? state.articles[state.currentId]?.title : undefined));
  const view = useWorkspaceStore((state) => (state.currentId ? state.view : 'library'));
  const setView = useWorkspaceStore((state) => state.setView);
  const workspace = useWorkspace();
  // The article is painted first; the panels follow a frame later.
  const panelsReady = useAfterPaint();
  const showArticle = view === 'editor' && currentId !== null;
  const toggleLibrary = () => {
    if (view === 'editor') {
      try {
        workspace.saveNow(); // so the library shows what is saved
      } catch {
        // the save status reports it
      }
    }
    setView(view === 'library' ? 'editor' : 'library');
  };
  useFileDrop();
  useLayoutEffect(() => showInShell(shell, showArticle ? 'article' : 'library'), [shell, showArticle]);
  return (
    <>
      {createPortal(
        <>
          <button type="button" aria-pressed={view === 'library'} onClick={toggleLibrary} disabled={!currentId}>
            Library
          </button>
          {view === 'editor' && <PanelsToggle shell={shell} />}
          <span className="toolbar-title" title={title}>
            {view === 'editor' ? title : ''}
          </span>
          {view === 'editor' && (
            <>
              <span className="toolbar-status">
                <GapCounter />
                <SaveStatus />
              </span>
              <span className="toolbar-actions">
                <ShowChangesButton />
                <RevertButton />
                <ExportMenu />
              </span>
            </>
          )}
        </>,
        shell.toolbar,
      )}
      {createPortal(
        <>
          <LoadProblems />
          <ReadOnlyBanner />
        </>,
        shell.banners,
      )}
      {showArticle ? (
        <>
          <ArticleEditor key={currentId} articleId={currentId} host={shell.editorHost} />
          {panelsReady &&
            createPortal(
              <>
                <DrawerHead />
                <ChangesPanel />
                <GapsPanel />
                <SpeakersPanel />
                <ProblemsPanel />
                <SettingsPanel />
                <ShortcutsHelp />
              </>,
              shell.panels,
            )}
        </>
      ) : (
        createPortal(<Library />, shell.libraryColumn)
      )}
      <SpeakerPicker />
      <ProblemCard />
      <Notices />
    </>
  );
}
