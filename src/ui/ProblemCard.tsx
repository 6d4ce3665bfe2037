import { useEffect, useRef } from 'react';
import { applySuggestion } from '../editor/problem-fixes.ts';
import type { EditorState } from 'prosemirror-state';
import { currentProblems, lintPluginKey, problemContext, problemKey, refilterProblems, requestRecheck } from '../editor/lint-plugin.ts';
import { applySpellingEverywhere } from '../editor/spelling-commands.ts';
import type { Workspace } from '../app/workspace.ts';
import { useEditorValue, useSession, useWorkspace, useWorkspaceStore } from './workspace-context.ts';

/** Stops ignoring a problem (by its key) in an article, and checks the article again. */
export function unignoreProblem(workspace: Workspace, articleId: string, key: string): void {
  workspace.store.getState().updateSettings(articleId, (s) => ({ ...s, ignoredProblems: s.ignoredProblems.filter((k) => k !== key) }));
  const session = workspace.sessions.get();
  if (session) requestRecheck(session.view);
}

/** Takes a word out of an article's dictionary, and checks the article again. */
export function removeDictionaryWord(workspace: Workspace, articleId: string, word: string): void {
  workspace.store.getState().updateSettings(articleId, (s) => ({ ...s, dictionary: s.dictionary.filter((w) => w !== word) }));
  const session = workspace.sessions.get();
  if (session) requestRecheck(session.view);
}

/** Changes when problems are added or removed (not when an edit only moves them). */
const selectProblemsVersion = (state: EditorState) => lintPluginKey.getState(state)?.version ?? -1;

/**
 * The card of one problem: its message, its suggestions (each one click, one undo step),
 * "Use X everywhere" for a name spelled two ways, Ignore, and Add to dictionary.
 */
export function ProblemCard() {
  const card = useWorkspaceStore((state) => state.problemCard);
  const close = useWorkspaceStore((state) => state.closeProblem);
  const session = useSession();
  const workspace = useWorkspace();
  const ref = useRef<HTMLDivElement>(null);
  // Re-rendered when problems come or go, so the card of a problem an edit removed goes too.
  useEditorValue(selectProblemsVersion, -1);

  // Opened from the problems list: the keyboard goes to the card's first action (Escape goes back to the text).
  useEffect(() => {
    if (card?.focus) ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, [card]);

  useEffect(() => {
    if (!card) return;
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element | null;
      if (target?.closest?.('.lint') || ref.current?.contains(target)) return;
      close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // The keyboard was on the card: it goes back to the text, at the problem.
      const inCard = !!ref.current?.contains(document.activeElement);
      close();
      if (inCard) session?.focus();
    };
    // The text scrolled away under the card (which stays where it was opened): it goes.
    const openedAt = window.scrollY;
    const onScroll = () => {
      if (Math.abs(window.scrollY - openedAt) > 48) close();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    // The caret moved away from the problem (arrow keys, a click in the text, typing elsewhere):
    // the card goes, as it does for a click outside it.
    let selection = session?.getState().selection ?? null;
    const stopFollowing = session?.subscribe(() => {
      const state = session.getState();
      if (selection && state.selection.eq(selection)) return;
      selection = state.selection;
      const problem = currentProblems(state).find((p) => p.id === card.problemId);
      if (!problem || state.selection.to < problem.from || state.selection.from > problem.to) close();
    });
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
      stopFollowing?.();
    };
  }, [card, close, session]);

  if (!card || !session) return null;
  /** The problem as it is now: edits made while the card was open may have moved or removed it. */
  const now = () => currentProblems(session.getState()).find((p) => p.id === card.problemId) ?? null;
  const problem = now();
  if (!problem) return null;
  const articleId = workspace.store.getState().currentId;
  const done = () => {
    close();
    session.focus();
  };
  const apply = (replacement: string) => {
    const target = now();
    const tr = target && applySuggestion(session.getState(), target, replacement);
    if (target && !tr) {
      // Nothing was changed: say so, and leave the card (an undo now would take back something else).
      workspace.store.getState().notify('warning', 'This fix would change the text and a gap’s fill at once, so it was not made. Edit the gap or the text by hand.');
      return;
    }
    if (tr) session.view.dispatch(tr);
    done();
  };
  const ignore = () => {
    const target = now();
    if (workspace.store.getState().refuseReadOnly()) return done();
    if (!articleId || !target) return done();
    const key = problemKey(target, problemContext(session.getState().doc, target));
    const store = workspace.store.getState();
    store.updateSettings(articleId, (s) => ({ ...s, ignoredProblems: [...s.ignoredProblems, key] }));
    refilterProblems(session.view);
    store.notify('info', `Ignored “${target.text}”.`, { label: 'Undo', run: () => unignoreProblem(workspace, articleId, key) });
    done();
  };
  const addToDictionary = () => {
    if (workspace.store.getState().refuseReadOnly()) return done();
    if (!articleId) return;
    const word = problem.text.trim();
    const store = workspace.store.getState();
    const had = store.articles[articleId]?.settings.dictionary.includes(word) ?? false;
    store.updateSettings(articleId, (s) => ({ ...s, dictionary: [...new Set([...s.dictionary, word])] }));
    requestRecheck(session.view);
    if (!had) store.notify('info', `Added “${word}” to the article’s dictionary.`, { label: 'Undo', run: () => removeDictionaryWord(workspace, articleId, word) });
    done();
  };
  const consistency = problem.rule === 'name-consistency';
  const spellings = consistency ? [...new Set([problem.text, ...problem.suggestions.map((s) => s.replacement)])] : [];
  const width = Math.min(340, window.innerWidth - 16);
  const below = card.top < window.innerHeight * 0.6;
  const left = Math.max(8, Math.min(card.left, window.innerWidth - width - 8));
  const style = below ? { left, top: card.top + 6, width } : { left, bottom: window.innerHeight - card.top + 30, width };

  return (
    <div className="problem-card" role="dialog" aria-label={`Problem: ${problem.message}`} ref={ref} style={style}>
      <p className="problem-message">{problem.message}</p>
      {consistency ? (
        <div className="problem-suggestions">
          {spellings.map((spelling) => (
            <button
              key={spelling}
              type="button"
              className="primary"
              onClick={() => {
                session.run(applySpellingEverywhere(spellings, spelling));
                done();
              }}
            >
              Use {spelling} everywhere
            </button>
          ))}
        </div>
      ) : (
        problem.suggestions.length > 0 && (
          <div className="problem-suggestions">
            {problem.suggestions.slice(0, 5).map((suggestion, index) => (
              <button key={`${suggestion.replacement}-${index}`} type="button" className="primary" onClick={() => apply(suggestion.replacement)}>
                {suggestion.label || (suggestion.replacement === '' ? 'Remove' : suggestion.replacement)}
              </button>
            ))}
          </div>
        )
      )}
      <div className="problem-actions">
        <button type="button" onClick={ignore}>
          Ignore
        </button>
        {problem.category === 'spelling' && (
          <button type="button" onClick={addToDictionary}>
            Add “{problem.text}” to dictionary
          </button>
        )}
      </div>
    </div>
  );
}
