import { ArticleEditor } from './ArticleEditor.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { GapCounter, GapsPanel } from './GapsPanel.tsx';
import { LoadProblems, Notices, ReadOnlyBanner, SaveStatus } from './Notices.tsx';
import { RevertButton } from './RevertButton.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useWorkspaceStore } from './workspace-context.ts';

/** The page: a toolbar, the article in a readable column, and panels beside it. */
export function App() {
  const currentId = useWorkspaceStore((state) => state.currentId);
  const title = useWorkspaceStore((state) => (state.currentId ? state.articles[state.currentId]?.title : undefined));
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand" aria-hidden="true">
          Galley
        </span>
        <span className="toolbar-title" title={title}>
          {title}
        </span>
        <span className="toolbar-status">
          <GapCounter />
          <SaveStatus />
        </span>
        <span className="toolbar-actions">
          <RevertButton />
          <ExportMenu />
        </span>
      </header>
      <LoadProblems />
      <ReadOnlyBanner />
      <div className="workspace">
        <main className="article-column" aria-label="Article">
          {currentId ? <ArticleEditor key={currentId} articleId={currentId} /> : <p>No article is open.</p>}
        </main>
        <aside className="side-panels" aria-label="Panels">
          <GapsPanel />
          <ShortcutsHelp />
        </aside>
      </div>
      <Notices />
    </div>
  );
}
