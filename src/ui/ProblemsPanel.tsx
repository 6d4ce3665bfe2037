import { useDeferredValue, useMemo, type ReactNode } from 'react';
import type { EditorState } from 'prosemirror-state';
import { currentProblems, lintPluginKey, type PlacedProblem } from '../editor/lint-plugin.ts';
import { gapsOf, selectGap } from '../editor/gaps.ts';
import { quotesInDoc } from '../editor/quote-marks.ts';
import { quotePluginKey } from '../editor/quote-plugin.ts';
import type { EditorSession } from '../editor/session.ts';
import { IncrementalList, LazyDetails } from './lists.tsx';
import { useEditorValue, useSession, useWorkspaceStore } from './workspace-context.ts';

const selectVersion = (state: EditorState) => lintPluginKey.getState(state)?.version ?? -1;
const selectGapList = (state: EditorState) => gapsOf(state);
const selectQuoteVersion = (state: EditorState) => quotePluginKey.getState(state)?.version ?? -1;

/** Readable names of the problem categories. */
export const CATEGORY_LABELS: Record<string, string> = {
  consistency: 'Names spelled two ways',
  spelling: 'Spelling',
  grammar: 'Grammar',
  punctuation: 'Punctuation',
  quotes: 'Quotation marks and speakers',
  spacing: 'Spacing',
  repetition: 'Repeated words',
  style: 'Style',
  gaps: 'Empty gaps',
};

/**
 * Takes the user to the problem in the text and opens its card there, next to the word (also on
 * a narrow screen, where the panels' drawer closes), with the keyboard on the card's first action.
 */
function jump(session: EditorSession, problem: PlacedProblem, openCard: (id: string, anchor: { left: number; bottom: number }, focus: boolean) => void) {
  session.goTo(problem.from, problem.to, () => {
    const at = session.view.coordsAtPos(problem.from);
    openCard(problem.id, { left: at.left, bottom: at.bottom }, true);
  });
}

/** Problems grouped by kind, with counts; a click selects the problem in the text. */
export function ProblemsPanel() {
  const session = useSession();
  const version = useDeferredValue(useEditorValue(selectVersion, -1));
  const gaps = useEditorValue(selectGapList, []);
  const quoteVersion = useDeferredValue(useEditorValue(selectQuoteVersion, -1));
  const engine = useWorkspaceStore((state) => state.engineStatus);
  const openCard = useWorkspaceStore((state) => state.openProblem);
  // The list and whether it is complete are read together, from the same (deferred) check result.
  const { groups, checked } = useMemo(() => {
    if (!session || version < 0) return { groups: [], checked: false };
    const state = session.getState();
    const byCategory = new Map<string, PlacedProblem[]>();
    for (const problem of currentProblems(state)) {
      const list = byCategory.get(problem.category) ?? [];
      list.push(problem);
      byCategory.set(problem.category, list);
    }
    const lint = lintPluginKey.getState(state);
    return {
      groups: [...byCategory.entries()].sort((a, b) => (a[0] === 'consistency' ? -1 : b[0] === 'consistency' ? 1 : b[1].length - a[1].length)),
      // Counted, or called clean, only once a complete check (with the spelling engine) has run.
      checked: (lint?.checked ?? false) && (lint?.complete ?? false),
    };
  }, [session, version]);
  // Only the count is kept; the list is built when its group is opened.
  const unconfirmedCount = useMemo(() => (session && quoteVersion >= 0 ? countUnconfirmed(session.getState()) : 0), [session, quoteVersion]);
  if (!session) return null;
  const emptyGaps = gaps.filter((gap) => gap.fill === '');
  const total = groups.reduce((n, [, list]) => n + list.length, 0) + emptyGaps.length + unconfirmedCount;
  const summary =
    engine.state === 'error'
      ? `Spelling engine unavailable: ${engine.message}`
      : checked
        ? total === 0
          ? 'No problems found.'
          : `${total} to look at`
        : engine.state === 'loading'
          ? 'Checking engine loading… spelling not checked yet'
          : 'Checking…';
  return (
    <section className="panel" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems{checked ? ` (${total})` : ''}</h2>
      <p className="panel-summary muted" role="status">
        {summary}
      </p>
      {emptyGaps.length > 0 && (
        <ProblemGroup label={CATEGORY_LABELS.gaps ?? 'Empty gaps'} count={emptyGaps.length} defaultOpen>
          {() => (
            <IncrementalList
              className="problem-list"
              items={emptyGaps}
              itemKey={(gap) => gap.id}
              renderItem={(gap) => (
                <button type="button" className="link" onClick={() => session.run(selectGap(gap.id))}>
                  Gap {gap.index + 1} is empty
                </button>
              )}
            />
          )}
        </ProblemGroup>
      )}
      {unconfirmedCount > 0 && (
        <ProblemGroup label="Quotes without a confirmed speaker" count={unconfirmedCount}>
          {() => <UnconfirmedQuotes session={session} version={quoteVersion} />}
        </ProblemGroup>
      )}
      {groups.map(([category, list]) => (
        <ProblemGroup key={category} label={CATEGORY_LABELS[category] ?? category} count={list.length} defaultOpen={category === 'consistency' || list.length <= 5}>
          {() => (
            <IncrementalList
              className="problem-list"
              items={list}
              itemKey={(problem) => problem.id}
              renderItem={(problem) => (
                <button
                  type="button"
                  className="link"
                  onClick={() => jump(session, problem, openCard)}
                >
                  <q>{problem.text.length > 40 ? `${problem.text.slice(0, 38)}…` : problem.text}</q> — {problem.message}
                </button>
              )}
            />
          )}
        </ProblemGroup>
      ))}
    </section>
  );
}

function countUnconfirmed(state: EditorState): number {
  let count = 0;
  for (const quote of quotesInDoc(state.doc)) if (!quote.confirmed) count++;
  return count;
}

/** The quotes without a confirmed speaker, built only while their group is open. */
function UnconfirmedQuotes({ session, version }: { session: EditorSession; version: number }) {
  const quotes = useMemo(() => (version >= 0 ? quotesInDoc(session.getState().doc).filter((q) => !q.confirmed) : []), [session, version]);
  return (
    <IncrementalList
      className="problem-list"
      items={quotes}
      itemKey={(quote) => quote.id}
      renderItem={(quote) => (
        <button
          type="button"
          className="link"
          onClick={() => {
            session.goTo(quote.segments[0]!.from + 1);
          }}
        >
          {session.getState().doc.textBetween(quote.segments[0]!.from, Math.min(quote.segments[0]!.to, quote.segments[0]!.from + 50), ' ', '__')}…
        </button>
      )}
    />
  );
}

/** One kind of problem: its name and count, the list rendered only while open. */
function ProblemGroup({ label, count, defaultOpen = false, children }: { label: string; count: number; defaultOpen?: boolean; children: () => ReactNode }) {
  return (
    <LazyDetails
      className="problem-group"
      defaultOpen={defaultOpen}
      summary={
        <>
          <span>{label}</span> <span className="badge badge-todo">{count}</span>
        </>
      }
    >
      {children}
    </LazyDetails>
  );
}
