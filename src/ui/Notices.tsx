import { useEffect } from 'react';
import { downloadFile } from './download.ts';
import { useWorkspace, useWorkspaceStore } from './workspace-context.ts';

/** Short-lived notices (with an optional action such as Undo), announced politely. */
export function Notices() {
  const notices = useWorkspaceStore((state) => state.notices);
  const dismiss = useWorkspaceStore((state) => state.dismiss);
  useEffect(() => {
    if (notices.length === 0) return;
    const newest = notices[notices.length - 1]!;
    const timer = setTimeout(() => dismiss(newest.id), newest.action ? 10000 : 5000);
    return () => clearTimeout(timer);
  }, [notices, dismiss]);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                notice.action?.run();
                dismiss(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** What could not be loaded at start-up, with the unreadable data to download. */
export function LoadProblems() {
  const problems = useWorkspaceStore((state) => state.loadProblems);
  const dismiss = useWorkspaceStore((state) => state.dismissLoadProblem);
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-error" role="alert">
      {problems.map((problem, index) => (
        <div key={index} className="banner-row">
          <span>{problem.message}</span>
          {problem.raw && (
            <button type="button" onClick={() => downloadFile(`galley-backup-${index + 1}.json`, problem.raw, 'application/json')}>
              Download backup
            </button>
          )}
          <button type="button" onClick={() => dismiss(index)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

/** "Saved" / "Saving…" / an error from storage. */
export function SaveStatus() {
  const status = useWorkspaceStore((state) => state.saveStatus);
  const { storage } = useWorkspace();
  if (status.state === 'error') {
    return (
      <span className="save-status error" role="alert">
        {status.message}
      </span>
    );
  }
  if (status.state === 'off') return <span className="save-status off">{status.message}</span>;
  const title = status.state === 'saved' ? `Your library uses about ${Math.max(1, Math.round(storage.usage() / 1024))} KB of browser storage` : undefined;
  return (
    <span className="save-status" title={title}>
      {status.state === 'pending' ? 'Saving…' : 'All changes saved'}
    </span>
  );
}

/** Shown when another tab is editing this workspace. */
export function ReadOnlyBanner() {
  const mode = useWorkspaceStore((state) => state.tabMode);
  const workspace = useWorkspace();
  if (mode === 'editing') return null;
  return (
    <div className="banner banner-warning" role="alert">
      <div className="banner-row">
        <span>Galley is open for editing in another tab, so this tab is read-only and saves nothing.</span>
        <button type="button" onClick={() => workspace.takeOver()}>
          Edit here instead
        </button>
      </div>
    </div>
  );
}
