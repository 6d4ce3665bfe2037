/**
 * React access to the workspace: the store through narrow selectors, and the editor state
 * through useSyncExternalStore (React reads the session; it never drives the view in render).
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { EditorState } from 'prosemirror-state';
import { useStore } from 'zustand';
import type { Workspace } from '../app/workspace.ts';
import type { EditorSession } from '../editor/session.ts';
import type { WorkspaceStore } from '../state/store.ts';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside <WorkspaceContext>');
  return workspace;
}

/** A value from the store; the selector must return a stable value (a field, not a new object). */
export function useWorkspaceStore<T>(selector: (state: WorkspaceStore) => T): T {
  return useStore(useWorkspace().store, selector);
}

/** The editor session of the open article, or null before it is mounted. */
export function useSession(): EditorSession | null {
  const { sessions } = useWorkspace();
  return useSyncExternalStore(sessions.subscribe, sessions.get, sessions.get);
}

const noSubscribe = () => () => {};

/** A value derived from the editor state; re-renders only when the selected value changes. */
export function useEditorValue<T>(selector: (state: EditorState) => T, fallback: T): T {
  const session = useSession();
  const subscribe = session ? session.subscribe : noSubscribe;
  const get = useCallback(() => (session ? selector(session.getState()) : fallback), [session, selector, fallback]);
  return useSyncExternalStore(subscribe, get, get);
}
