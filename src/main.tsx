/**
 * Start-up. The article opens first, in plain ProseMirror inside the page's static frame
 * (index.html), so it can be read and edited as soon as the editor code has run; the React
 * interface (toolbar, panels, dialogs) loads as a separate chunk and adopts that editor.
 */
import 'prosemirror-view/style/prosemirror.css';
import './ui/styles.css';
import { openEarly } from './app/article-editor.ts';
import { afterPaint } from './editor/after-paint.ts';
import { createWorkspace } from './app/workspace.ts';

const workspace = createWorkspace(window);
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
openEarly(workspace, document.getElementById('early-article'));
// After the article's first frame, so that frame is not held up by the interface's code.
afterPaint(() => {
  import('./ui/mount.tsx')
    .then(({ mountInterface }) => mountInterface(root, workspace))
    .catch(() => {
      // The text is open and saved as it is typed; only the toolbar and panels are missing.
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'early-alert';
      message.textContent = 'The toolbar and panels could not load. Your text is kept; reload the page to get them back.';
      document.querySelector('#early .toolbar')?.append(message);
    });
});
