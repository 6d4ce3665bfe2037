import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PageShell } from '../app/page-shell.ts';
import type { Workspace } from '../app/workspace.ts';
import { App } from './App.tsx';
import { WorkspaceContext } from './workspace-context.ts';

/** Renders the interface: its root holds the dialogs, portals fill the frame's slots. */
export function mountInterface(shell: PageShell, workspace: Workspace): void {
  createRoot(shell.root).render(
    <StrictMode>
      <WorkspaceContext value={workspace}>
        <App shell={shell} />
      </WorkspaceContext>
    </StrictMode>,
  );
}
