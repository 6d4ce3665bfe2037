import { useLayoutEffect } from 'react';
import { adoptEarly, openArticleEditor } from '../app/article-editor.ts';
import { useWorkspace } from './workspace-context.ts';

/**
 * The ProseMirror editor of one article, in the page frame's `host` (never inside a React
 * container): the one the page opened before the interface loaded, or a new one. Renders
 * nothing; React never touches the editable text.
 */
export function ArticleEditor({ articleId, host }: { articleId: string; host: HTMLElement }) {
  const workspace = useWorkspace();
  useLayoutEffect(() => {
    const editor = adoptEarly(articleId) ?? openArticleEditor(workspace, articleId, host);
    return () => editor?.close();
  }, [articleId, host, workspace]);
  return null;
}
