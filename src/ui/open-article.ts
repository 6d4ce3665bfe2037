/**
 * Opening articles from outside: a file (picked or dropped) or pasted text. Every path checks
 * the input first (storage/import-file.ts) and changes nothing when it is refused.
 */
import { readArticleFile, sizeProblem } from '../storage/import-file.ts';
import type { Workspace } from '../app/workspace.ts';
import { importProjectText } from './project-import.ts';

/** Opens a file as a new article; returns false (and tells the user why) when it cannot. */
export async function openFile(workspace: Workspace, file: File): Promise<boolean> {
  const { notify, addArticle, setView } = workspace.store.getState();
  let bytes: Uint8Array;
  try {
    // Refused before reading, so a huge file never fills memory.
    const tooLarge = sizeProblem(file.name, file.size);
    if (tooLarge) {
      notify('error', tooLarge);
      return false;
    }
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    notify('error', `“${file.name}” could not be read.`);
    return false;
  }
  const result = readArticleFile(file.name, bytes);
  if (!result.ok) {
    notify('error', result.message);
    return false;
  }
  if (result.kind === 'project') {
    const imported = importProjectText(workspace, result.text);
    if (!imported.ok) notify('error', `“${file.name}”: ${imported.message}`);
    else setView('editor');
    return imported.ok;
  }
  addArticle(result.text, result.title ?? undefined);
  setView('editor');
  notify('info', `Opened “${file.name}”.`);
  return true;
}

/** Opens pasted text as a new article. */
export function openPastedText(workspace: Workspace, text: string, title?: string): boolean {
  const { notify, addArticle, setView } = workspace.store.getState();
  if (text.trim() === '') {
    notify('error', 'Paste the article text first.');
    return false;
  }
  addArticle(text, title?.trim() || undefined);
  setView('editor');
  return true;
}
