import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { findGaps } from '../editor/gaps.ts';
import { quotesInDoc } from '../editor/quote-marks.ts';
import type { ArticleRecord } from '../storage/workspace-storage.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { openFile, openPastedText } from './open-article.ts';
import { useWorkspace, useWorkspaceStore } from './workspace-context.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function progressOf(article: ArticleRecord) {
  const gaps = findGaps(article.doc);
  const quotes = quotesInDoc(article.doc);
  return {
    gapsFilled: gaps.filter((gap) => gap.fill !== '').length,
    gaps: gaps.length,
    quotesConfirmed: quotes.filter((quote) => quote.confirmed).length,
    quotes: quotes.length,
  };
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}

/** The library: every saved article with its progress; open, rename, duplicate, delete, create. */
export function Library() {
  const workspace = useWorkspace();
  const articles = useDeferredValue(useWorkspaceStore((state) => state.articles));
  const order = useWorkspaceStore((state) => state.order);
  const currentId = useWorkspaceStore((state) => state.currentId);
  const readOnly = useWorkspaceStore((state) => state.tabMode === 'read-only');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ArticleRecord | null>(null);
  const [pasted, setPasted] = useState('');
  const [pastedTitle, setPastedTitle] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const store = workspace.store.getState();
  const usage = { total: workspace.storage.usage(), byId: Object.fromEntries(order.map((id) => [id, workspace.storage.usageOf(id)])) };
  const rows = useMemo(() => order.map((id) => articles[id]).filter((a): a is ArticleRecord => a !== undefined), [order, articles]);

  const open = (id: string) => {
    store.setCurrent(id);
    store.setView('editor');
  };
  const duplicate = (id: string) => {
    store.duplicateArticle(id);
    try {
      workspace.saveNow(); // so the copy's size is what the list shows
    } catch {
      // the save status reports it
    }
  };
  const remove = (article: ArticleRecord) => {
    const index = workspace.store.getState().order.indexOf(article.id);
    workspace.store.getState().deleteArticle(article.id);
    workspace.store.getState().notify('info', `Deleted “${article.title}”.`, {
      label: 'Undo',
      run: () => workspace.store.getState().restoreArticle(article, index),
    });
  };

  return (
    <section className="library" aria-labelledby="library-heading">
      <div className="library-head">
        <h1 id="library-heading">Library</h1>
        <span className="muted">{usage ? `Browser storage used: ${kb(usage.total)}` : ''}</span>
      </div>
      {rows.length === 0 && <p className="muted">No saved articles.</p>}
      <ul className="library-list">
        {rows.map((article) => {
          const progress = progressOf(article);
          return (
            <li key={article.id} className={`library-item${article.id === currentId ? ' current' : ''}`}>
              <div className="library-item-main">
                {renaming === article.id ? (
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      const value = new FormData(event.currentTarget).get('title');
                      if (typeof value === 'string') store.renameArticle(article.id, value);
                      setRenaming(null);
                    }}
                  >
                    <input name="title" aria-label="New title" defaultValue={article.title} autoFocus onBlur={() => setRenaming(null)} />
                  </form>
                ) : (
                  <h2 className="library-title">{article.title}</h2>
                )}
                <p className="library-meta">
                  Edited {dateFormat.format(article.updatedAt)} · gaps filled {progress.gapsFilled}/{progress.gaps} · quotes confirmed{' '}
                  {progress.quotesConfirmed}/{progress.quotes} · {article.openProblems === undefined ? 'not checked yet' : `problems open ${article.openProblems}`}
                  {usage?.byId[article.id] ? ` · ${kb(usage.byId[article.id]!)}` : ''}
                </p>
              </div>
              <div className="library-actions">
                <button type="button" className="primary" onClick={() => open(article.id)} aria-label={`Open ${article.title}`}>
                  Open
                </button>
                <button type="button" onClick={() => setRenaming(article.id)} disabled={readOnly} aria-label={`Rename ${article.title}`}>
                  Rename
                </button>
                <button type="button" onClick={() => duplicate(article.id)} disabled={readOnly} aria-label={`Duplicate ${article.title}`}>
                  Duplicate
                </button>
                <button type="button" onClick={() => setDeleting(article)} disabled={readOnly} aria-label={`Delete ${article.title}`}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>

      <div className="library-new">
        <section className="panel" aria-labelledby="new-heading">
          <h2 id="new-heading">New article</h2>
          <label className="field">
            Title (optional — otherwise the first line)
            <input value={pastedTitle} onChange={(event) => setPastedTitle(event.target.value)} />
          </label>
          <label className="field">
            Article text
            <textarea rows={8} value={pasted} onChange={(event) => setPasted(event.target.value)} placeholder="Paste the article here: title on the first line, a blank line, then the paragraphs." />
          </label>
          <button
            type="button"
            className="primary"
            disabled={readOnly}
            onClick={() => {
              if (openPastedText(workspace, pasted, pastedTitle)) {
                setPasted('');
                setPastedTitle('');
              }
            }}
          >
            Create article
          </button>
        </section>
        <section className="panel" aria-labelledby="open-heading">
          <h2 id="open-heading">Open a file</h2>
          <p className="muted">A .txt or .md article, or a Galley project (.json). You can also drop a file anywhere on the window.</p>
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.md,.markdown,.json,text/plain,text/markdown,application/json"
            aria-label="Choose a file to open"
            disabled={readOnly}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void openFile(workspace, file);
              event.target.value = '';
            }}
          />
          <p>
            <button type="button" disabled={readOnly} onClick={() => openPastedText(workspace, workspace.sampleText)}>
              Open the sample article
            </button>
          </p>
        </section>
      </div>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.title}”?`}
          onCancel={() => setDeleting(null)}
          actions={[
            {
              label: 'Delete',
              primary: true,
              run: () => {
                remove(deleting);
                setDeleting(null);
              },
            },
          ]}
        >
          <p>The article and all its edits are removed from this browser. You can undo this right after.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
