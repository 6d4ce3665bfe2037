/**
 * The UI slice: transient state that is never saved (left out by `partialize`): notices shown to
 * the user, what could not be loaded, and the save status.
 */
import type { StateCreator } from 'zustand';
import type { LoadProblem, SaveStatus } from '../storage/workspace-storage.ts';
import type { WorkspaceStore } from './store.ts';

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** An optional action offered with the notice, e.g. "Undo". */
  action?: { label: string; run: () => void };
}

export interface UiSlice {
  notices: Notice[];
  loadProblems: LoadProblem[];
  saveStatus: SaveStatus;
  /** 'read-only' when another tab is editing this workspace. */
  tabMode: 'editing' | 'read-only';
  /** The main view: the open article, or the library of articles. */
  view: 'editor' | 'library';
  setView(view: 'editor' | 'library'): void;
  /** On a narrow screen the panels are a drawer over the text: whether it is open. */
  panelsOpen: boolean;
  setPanelsOpen(open: boolean): void;
  /** The speaker picker, open for one quote at a place on screen. */
  picker: { quoteId: string; left: number; top: number } | null;
  openPicker(quoteId: string, anchor: { left: number; bottom: number }): void;
  closePicker(): void;
  /** The card of one proofreading problem, open at a place on screen. */
  /** `focus`: the card takes the keyboard (opened from the problems list, not from the text). */
  problemCard: { problemId: string; left: number; top: number; focus: boolean } | null;
  openProblem(problemId: string, anchor: { left: number; bottom: number }, focus?: boolean): void;
  closeProblem(): void;
  /** The spelling/grammar engine: loading lazily, ready, or failed. */
  engineStatus: { state: 'idle' | 'loading' | 'ready' } | { state: 'error'; message: string };
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): number;
  /**
   * In a read-only tab, says that the change asked for is refused and returns true; in the
   * editing tab returns false. Every action that changes saved data asks this first.
   */
  refuseReadOnly(): boolean;
  dismiss(id: number): void;
  dismissLoadProblem(index: number): void;
  setSaveStatus(status: SaveStatus): void;
}

let nextNoticeId = 1;

/** The notice shown when a read-only tab refuses a change. */
export const READ_ONLY_REFUSAL = 'This tab is read-only: nothing here can be changed or saved. Use “Edit here instead” to edit in this tab.';

export const createUiSlice: StateCreator<WorkspaceStore, [], [], UiSlice> = (set, get) => ({
  notices: [],
  loadProblems: [],
  saveStatus: { state: 'saved', at: 0 },
  tabMode: 'editing',
  view: 'editor',
  setView(view) {
    set({ view, panelsOpen: false });
  },
  panelsOpen: false,
  setPanelsOpen(open) {
    set({ panelsOpen: open });
  },
  picker: null,
  openPicker(quoteId, anchor) {
    set({ picker: { quoteId, left: anchor.left, top: anchor.bottom } });
  },
  closePicker() {
    set({ picker: null });
  },
  problemCard: null,
  openProblem(problemId, anchor, focus = false) {
    set({ problemCard: { problemId, left: anchor.left, top: anchor.bottom, focus } });
  },
  closeProblem() {
    set({ problemCard: null });
  },
  engineStatus: { state: 'idle' },
  notify(kind, text, action) {
    const id = nextNoticeId++;
    const notice: Notice = action ? { id, kind, text, action } : { id, kind, text };
    set((state) => ({ notices: [...state.notices.slice(-4), notice] }));
    return id;
  },
  refuseReadOnly() {
    if (get().tabMode !== 'read-only') return false;
    if (get().notices.at(-1)?.text !== READ_ONLY_REFUSAL) get().notify('error', READ_ONLY_REFUSAL);
    return true;
  },
  dismiss(id) {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },
  dismissLoadProblem(index) {
    set((state) => ({ loadProblems: state.loadProblems.filter((_, i) => i !== index) }));
  },
  setSaveStatus(saveStatus) {
    set({ saveStatus });
  },
});
