import { useLayoutEffect, useRef } from 'react';
import { adoptEarly, openArticleEditor } from '../app/article-editor.ts';
import { useWorkspace } from './workspace-context.ts';

/**
 * Mounts the ProseMirror editor for one article: the one the page opened before the interface
 * loaded, or a new one. React never re-renders the editable text. A layout effect, so the
 * adopted editor is back in place before the browser paints.
 */
export function ArticleEditor({ articleId }: { articleId: string }) {
  const workspace = useWorkspace();
  const mountRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const adopted = adoptEarly(articleId);
    if (adopted) {
      const { view } = adopted.session;
      const focused = view.hasFocus();
      mount.append(view.dom);
      if (focused) view.focus();
    }
    const editor = adopted ?? openArticleEditor(workspace, articleId, mount);
    return () => editor?.close();
  }, [articleId, workspace]);

  return <div className="article-editor" ref={mountRef} />;
}
