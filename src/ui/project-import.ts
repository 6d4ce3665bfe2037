/** Importing a Galley project file into the workspace. */
import type { Workspace } from '../app/workspace.ts';

export function importProjectText(_workspace: Workspace, _text: string): { ok: true } | { ok: false; message: string } {
  return { ok: false, message: 'project files cannot be opened yet.' };
}
