import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Workspace } from '../app/workspace.ts';
import { App } from './App.tsx';
import { WorkspaceContext } from './workspace-context.ts';

/** Renders the interface into `root`. */
export function mountInterface(root: HTMLElement, workspace: Workspace): void {
  createRoot(root).render(
    <StrictMode>
      <WorkspaceContext value={workspace}>
        <App />
      </WorkspaceContext>
    </StrictMode>,
  );
}
