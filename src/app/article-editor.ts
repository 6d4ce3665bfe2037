/**
 * The editor of one article, wired to the workspace: its changes go to the store, its quotes to
 * the quote analyzer, its checks to the proofreading checker, its notices to the store. Plain
 * TypeScript, so the page can open the article before the React interface has loaded (main.tsx)
 * and the interface adopts that editor when it mounts (ui/ArticleEditor.tsx).
 */
import { undo } from 'prosemirror-history';
import { keydownHandler } from 'prosemirror-keymap';
import type { Command } from 'prosemirror-state';
import { historyShortcuts } from '../editor/keymap.ts';
import { gapsOf } from '../editor/gaps.ts';
import { lintPluginKey, requestRecheck } from '../editor/lint-plugin.ts';
import { openProblemCount } from '../editor/open-problems.ts';
import { quotePluginKey } from '../editor/quote-plugin.ts';
import { textToDoc } from '../editor/parse.ts';
import { EditorSession } from '../editor/session.ts';
import { viewportNearView } from '../editor/near-view.ts';
import type { Workspace } from './workspace.ts';

export interface OpenEditor {
  articleId: string;
  session: EditorSession;
  /** Saves, unhooks and destroys the editor. */
  close(): void;
}

/** Opens the article's editor in `mount`; null when there is no such article. */
export function openArticleEditor(workspace: Workspace, articleId: string, mount: HTMLElement): OpenEditor | null {
  const article = workspace.store.getState().articles[articleId];
  if (!article) return null;
  const originalText = article.originalText;
  let session: EditorSession | null = null;
  session = new EditorSession(mount, {
    doc: article.doc,
    // Parsed only when "Show changes" is first opened.
    original: () => textToDoc(originalText),
    selection: article.selection,
    nearView: viewportNearView(),
    // The sticky toolbar covers the window's top (two or three rows on a narrow screen).
    topInset: () => mount.ownerDocument.getElementById('toolbar')?.getBoundingClientRect().bottom ?? 0,
    attributes: { 'aria-label': 'Article text', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
    onChange: (_state, tr) => {
      if (session) workspace.recordChange(articleId, session, tr.docChanged);
    },
    quotes: {
      analyzer: workspace.quoteAnalyzer,
      openPicker: (quoteId, anchor) => workspace.store.getState().openPicker(quoteId, { left: anchor.left, bottom: anchor.bottom }),
      onError: () => workspace.store.getState().notify('error', 'Quote detection failed; quotes can still be marked by hand.'),
    },
    lint: {
      checker: workspace.proof.checker,
      isIgnored: (key) => workspace.store.getState().articles[articleId]?.settings.ignoredProblems.includes(key) ?? false,
      // An ignored problem whose surrounding words were edited keeps its ignore under its new key.
      onIgnoresMoved: (moved) => {
        const renamed = new Map(moved);
        workspace.store.getState().updateSettings(articleId, (s) => ({ ...s, ignoredProblems: [...new Set(s.ignoredProblems.map((key) => renamed.get(key) ?? key))] }));
      },
      onActivate: (problem, anchor) => workspace.store.getState().openProblem(problem.id, { left: anchor.left, bottom: anchor.bottom }),
      onError: () => workspace.store.getState().notify('error', 'Proofreading failed; the text can still be edited.'),
    },
    onRefused: () => workspace.store.getState().refuseReadOnly(),
    onGapsRemoved: (count) => {
      workspace.store.getState().notify('warning', count === 1 ? 'A gap was deleted.' : `${count} gaps were deleted.`, {
        label: 'Undo',
        run: () => session?.run(undo),
      });
    },
  });
  const opened = session;
  workspace.editorMounted(opened);
  const stopReady = workspace.proof.onReady(() => requestRecheck(opened.view));
  const stopSettings = workspace.store.subscribe((state, previous) => {
    if (state.settings !== previous.settings) requestRecheck(opened.view);
  });
  const stopCounting = recordOpenProblems(workspace, articleId, opened);
  const stopHistoryKeys = historyKeysOutsideFields(opened, mount.ownerDocument);
  if (!workspace.bench) opened.focus();
  return {
    articleId,
    session: opened,
    close() {
      stopCounting();
      stopHistoryKeys();
      stopReady();
      stopSettings();
      workspace.sessions.set(null);
      workspace.store.getState().closePicker();
      workspace.store.getState().closeProblem();
      opened.destroy();
      session = null;
      try {
        workspace.saveNow();
      } catch {
        // reported through the save status
      }
    },
  };
}

/**
 * Undo and redo when the keyboard is in no text field, e.g. on a panel's button or, after the
 * Changes panel's Revert removed its own button, on the page itself: the keys undo the article's
 * last change, as they do in the text, and the browser's own undo (which would step back through
 * the typing of a gap's field) never runs. Keys in a text field of a panel or dialog stay its own.
 */
function historyKeysOutsideFields(session: EditorSession, doc: Document): () => void {
  const bindings: Record<string, Command> = {};
  for (const { keys, command } of historyShortcuts) {
    bindings[keys] = () => {
      if (session.isEditable()) session.run(command);
      return true;
    };
  }
  const handle = keydownHandler(bindings);
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target;
    if (target instanceof Element && (session.view.dom.contains(target) || target.closest('input, textarea, select, [contenteditable]'))) return;
    if (handle(session.view, event)) event.preventDefault();
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}

/**
 * Keeps the article's open-problem count in the store for the library. It is counted again only
 * when a check result, the quotes or the gaps change, never on a plain keystroke.
 */
function recordOpenProblems(workspace: Workspace, articleId: string, session: EditorSession): () => void {
  let seen: [unknown, unknown, unknown] = [null, null, null];
  const update = () => {
    const state = session.getState();
    const now: [unknown, unknown, unknown] = [lintPluginKey.getState(state)?.version, quotePluginKey.getState(state)?.version, gapsOf(state)];
    if (now.every((value, i) => value === seen[i])) return;
    // Only counts from a full check: until the spelling engine has loaded, the count would
    // leave out every spelling problem.
    const engine = workspace.store.getState().engineStatus.state;
    if (engine !== 'ready' && engine !== 'error') return;
    seen = now;
    const count = openProblemCount(state);
    if (count !== null) workspace.store.getState().setOpenProblems(articleId, count);
  };
  return session.subscribe(update);
}

/**
 * An editor opened before the interface loaded, waiting to be adopted. The first frame the user
 * sees already holds the article, editable; the toolbar and panels follow.
 */
let early: OpenEditor | null = null;

/** Opens the current article in `mount` at start-up (nothing when the library is showing). */
export function openEarly(workspace: Workspace, mount: HTMLElement | null): void {
  const { currentId, view } = workspace.store.getState();
  if (!mount || !currentId || view !== 'editor') return;
  early = openArticleEditor(workspace, currentId, mount);
}

/** The early editor of this article, handed over once (then it belongs to the caller). */
export function adoptEarly(articleId: string): OpenEditor | null {
  const editor = early;
  early = null;
  if (editor && editor.articleId !== articleId) {
    editor.close();
    return null;
  }
  return editor;
}
