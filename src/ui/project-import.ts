/** Importing a Galley project file into the workspace: a new article with all its work. */
import type { Workspace } from '../app/workspace.ts';
import { importProject } from '../export/project.ts';

export function importProjectText(workspace: Workspace, text: string): { ok: true } | { ok: false; message: string } {
  const result = importProject(text);
  if (!result.ok) return result;
  const { article } = result;
  const now = Date.now();
  const { addRecord, notify } = workspace.store.getState();
  addRecord({
    title: article.title,
    originalText: article.originalText,
    doc: article.doc,
    settings: { ignoredProblems: [...article.settings.ignoredProblems], dictionary: [...article.settings.dictionary] },
    createdAt: article.createdAt ?? now,
    updatedAt: article.updatedAt ?? now,
    selection: null,
  });
  notify('info', `Opened the project “${article.title}”.`);
  return { ok: true };
}
