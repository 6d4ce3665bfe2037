import { useEffect, useRef, useState } from 'react';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { gapContext, placedGaps, selectGap, type PlacedGap } from '../editor/gaps.ts';
import { exportPlainText, fileNameFor } from '../export/text.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { downloadFile } from './download.ts';
import { useSession, useWorkspace } from './workspace-context.ts';

interface ExportFormat {
  label: string;
  extension: string;
  mime: string;
  build: (doc: ProseMirrorNode) => string;
}

const formats: ExportFormat[] = [{ label: 'Plain text (.txt)', extension: 'txt', mime: 'text/plain;charset=utf-8', build: exportPlainText }];

/** The Export button and its menu of formats. Warns about empty gaps before writing a file. */
export function ExportMenu() {
  const workspace = useWorkspace();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<{ format: ExportFormat; empty: PlacedGap[] } | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    menuRef.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const write = (format: ExportFormat) => {
    if (!session) return;
    const { doc } = session.getState();
    const id = workspace.store.getState().currentId;
    const title = (id && workspace.store.getState().articles[id]?.title) || 'article';
    downloadFile(fileNameFor(title, format.extension), format.build(doc), format.mime);
    workspace.store.getState().notify('info', `Exported ${format.label}.`);
  };

  const choose = (format: ExportFormat) => {
    setOpen(false);
    if (!session) return;
    const empty = placedGaps(session.getState()).filter((gap) => gap.fill === '');
    if (empty.length > 0) setPending({ format, empty });
    else write(format);
  };

  const total = session ? placedGaps(session.getState()).length : 0;
  return (
    <div className="menu" ref={menuRef}>
      <button type="button" className="primary" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && (
        <div
          className="menu-list"
          role="menu"
          aria-label="Export formats"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          {formats.map((format) => (
            <button key={format.label} type="button" role="menuitem" onClick={() => choose(format)}>
              {format.label}
            </button>
          ))}
        </div>
      )}
      {pending && session && (
        <ConfirmDialog
          title={pending.empty.length === 1 ? 'A gap is still empty' : `${pending.empty.length} gaps are still empty`}
          onCancel={() => setPending(null)}
          actions={[
            {
              label: 'Go to gap',
              run: () => {
                const first = pending.empty[0]!;
                setPending(null);
                requestAnimationFrame(() => session.run(selectGap(first.id)));
              },
            },
            {
              label: 'Export anyway',
              primary: true,
              run: () => {
                write(pending.format);
                setPending(null);
              },
            },
          ]}
        >
          <ul className="empty-gaps">
            {pending.empty.map((gap) => {
              const context = gapContext(session.getState().doc, gap.pos);
              return (
                <li key={gap.id}>
                  <strong>
                    Gap {gap.index + 1} of {total}
                  </strong>{' '}
                  — “…{context.before} __ {context.after}…”
                </li>
              );
            })}
          </ul>
          <p>Empty gaps are written as “__”.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
