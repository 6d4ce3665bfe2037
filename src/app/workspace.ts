/**
 * The composition root: storage → store → the current editor session, and the page-level wiring
 * (flush on pagehide, the benchmark hook). Opening an article = load → migrate → editor session
 * → store bridge; the React tree only renders what this puts together.
 */
import type { EditorSession } from '../editor/session.ts';
import type { SavedSelection } from '../editor/state.ts';
import { createWorkspaceStore, type WorkspaceStoreApi } from '../state/store.ts';
import { WorkspaceStorage } from '../storage/workspace-storage.ts';
import { TabLock } from './tab-lock.ts';
import { createAnalysisClient, quoteTimings } from './analysis-client.ts';
import type { QuoteAnalyzer } from '../editor/quote-plugin.ts';
import { checkTimings, createProofChecker, type ProofChecker } from './proof-checker.ts';
import sampleText from '../../fixtures/article.txt?raw';

declare global {
  interface Window {
    __BENCH_ARTICLE__?: unknown;
    __benchReady?: () => void;
    __bench?: { persist(): void; textLength(): number; timings(): { quotesMs?: number; checkMs?: number } };
  }
}

/** Holds the editor session of the open article so panels and the page can reach it. */
export class SessionHolder {
  private session: EditorSession | null = null;
  private readonly listeners = new Set<() => void>();
  get = (): EditorSession | null => this.session;
  set(session: EditorSession | null): void {
    this.session = session;
    for (const listener of this.listeners) listener();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export interface Workspace {
  store: WorkspaceStoreApi;
  storage: WorkspaceStorage;
  sessions: SessionHolder;
  sampleText: string;
  bench: boolean;
  /** Quote detection (in the analysis worker). */
  quoteAnalyzer: QuoteAnalyzer;
  /** Proofreading (local rules at once, the engine in a worker once loaded). */
  proof: ProofChecker;
  /** Called by the editor once its view is mounted. */
  editorMounted(session: EditorSession): void;
  /** Bridges an editor change to the store (references only; saving is debounced). */
  recordChange(articleId: string, session: EditorSession, docChanged: boolean): void;
  /** Writes pending changes now; throws if storage refuses. */
  saveNow(): void;
  /** Makes this tab the editing one (another tab lets go, this one reloads). */
  takeOver(): void;
}

function selectionOf(session: EditorSession): SavedSelection {
  const { anchor, head } = session.getState().selection;
  return { anchor, head };
}

/** Builds the workspace for this page. */
export function createWorkspace(win: Window = window): Workspace {
  const benchText = typeof win.__BENCH_ARTICLE__ === 'string' ? win.__BENCH_ARTICLE__ : null;
  let storageArea: Storage;
  try {
    storageArea = win.localStorage;
  } catch {
    storageArea = memoryStorage();
  }
  const storage = new WorkspaceStorage({ storage: storageArea, prefix: benchText === null ? 'galley' : 'galley-bench' });
  if (benchText !== null) clearPrefix(storageArea, 'galley-bench:');
  const store = createWorkspaceStore(storage);
  if (benchText !== null) store.getState().addArticle(benchText);
  else if (store.getState().order.length === 0) store.getState().addArticle(sampleText);

  const sessions = new SessionHolder();
  const saveNow = () => storage.flush();
  const flushQuietly = () => {
    try {
      storage.flush();
    } catch {
      // the save status tells the user; the work stays in memory
    }
  };
  win.addEventListener('pagehide', flushQuietly);
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') flushQuietly();
  });

  const tabs = new TabLock({
    locks: benchText === null ? (win.navigator as Navigator & { locks?: LockManager }).locks : undefined,
    channel: benchText === null && typeof BroadcastChannel === 'function' ? new BroadcastChannel('galley-tabs') : null,
    flush: saveNow,
    reload: () => win.location.reload(),
    onMode: (mode) => {
      storage.setReadOnly(mode === 'read-only');
      store.setState({ tabMode: mode });
      sessions.get()?.setEditable(mode === 'editing');
    },
  });
  void tabs.start();

  const analysis = createAnalysisClient();
  const workspace: Workspace = {
    store,
    storage,
    sessions,
    sampleText,
    bench: benchText !== null,
    quoteAnalyzer: analysis.analyzeQuotes,
    proof: createProofChecker(store, analysis.runChecks),
    editorMounted(session) {
      session.setEditable(store.getState().tabMode === 'editing');
      sessions.set(session);
      if (benchText !== null) win.__benchReady?.();
    },
    recordChange(articleId, session, docChanged) {
      store.getState().updateDocument(articleId, session.getState().doc, selectionOf(session), docChanged);
    },
    saveNow,
    takeOver: () => tabs.takeOver(),
  };
  if (benchText !== null) {
    win.__bench = {
      persist() {
        const id = store.getState().currentId;
        const session = sessions.get();
        if (id && session) storage.forget(id);
        if (id && session) store.getState().updateDocument(id, session.getState().doc, selectionOf(session), true);
        storage.flush();
      },
      textLength: () => sessions.get()?.getState().doc.textContent.length ?? 0,
      timings: () => ({ quotesMs: quoteTimings.firstMs, checkMs: checkTimings.firstFullCheckMs ?? checkTimings.firstCheckMs }),
    };
  }
  return workspace;
}

function clearPrefix(area: Storage, prefix: string): void {
  const keys: string[] = [];
  for (let i = 0; i < area.length; i++) {
    const key = area.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) area.removeItem(key);
}

/** A Storage that keeps everything in memory, for browsers that refuse localStorage. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}
