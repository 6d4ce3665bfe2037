/**
 * Start-up. The article opens first, in plain ProseMirror inside the page's frame (index.html,
 * app/page-shell.ts), so it can be read and edited as soon as the editor code has run; the React
 * interface (toolbar, panels, dialogs) loads as a separate chunk, fills the frame's slots and
 * adopts that editor where it is.
 */
import 'prosemirror-view/style/prosemirror.css';
import './ui/styles.css';
import { openEarly } from './app/article-editor.ts';
import { afterPaint } from './editor/after-paint.ts';
import { findPageShell, showInShell, trackToolbarHeight } from './app/page-shell.ts';
import { createWorkspace } from './app/workspace.ts';

const shell = findPageShell(document);
const workspace = createWorkspace(window);
const { currentId, view } = workspace.store.getState();
showInShell(shell, currentId && view === 'editor' ? 'article' : 'library');
openEarly(workspace, shell.editorHost);
trackToolbarHeight(shell);
// After the article's first frame, so that frame is not held up by the interface's code.
afterPaint(() => {
  import('./ui/mount.tsx')
    .then(({ mountInterface }) => mountInterface(shell, workspace))
    .catch(() => {
      // The text is open and saved as it is typed; only the toolbar and panels are missing.
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'early-alert';
      message.textContent = 'The toolbar and panels could not load. Your text is kept; reload the page to get them back.';
      shell.toolbar.append(message);
    });
});
