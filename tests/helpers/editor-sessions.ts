import { afterEach } from 'vitest';
import { textToDoc } from '../../src/editor/parse.ts';
import { EditorSession, type SessionOptions } from '../../src/editor/session.ts';

/**
 * Opens editor sessions in the test page (happy-dom): each in its own element, all destroyed and
 * the page emptied after each test. Call once at the top of a test file; pass the article's text,
 * or the session's options.
 */
export function sessionsInPage(): (article: string | SessionOptions) => EditorSession {
  const opened: EditorSession[] = [];
  afterEach(() => {
    while (opened.length) opened.pop()!.destroy();
    document.body.innerHTML = '';
  });
  return (article) => {
    const mount = document.createElement('div');
    document.body.append(mount);
    const session = new EditorSession(mount, typeof article === 'string' ? { doc: textToDoc(article) } : article);
    opened.push(session);
    return session;
  };
}
