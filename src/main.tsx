import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'prosemirror-view/style/prosemirror.css';
import './ui/styles.css';
import { createWorkspace } from './app/workspace.ts';
import { App } from './ui/App.tsx';
import { WorkspaceContext } from './ui/workspace-context.ts';

const workspace = createWorkspace(window);
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <WorkspaceContext value={workspace}>
      <App />
    </WorkspaceContext>
  </StrictMode>,
);
