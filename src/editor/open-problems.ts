/**
 * What is still open in an article, as the Problems panel counts it: the problems found by the
 * last check (ignored ones excluded), the empty gaps and the quotes without a confirmed speaker.
 */
import type { EditorState } from 'prosemirror-state';
import { gapsOf } from './gaps.ts';
import { currentProblems, lintPluginKey } from './lint-plugin.ts';
import { quotesInDoc } from './quote-marks.ts';

/** The count, or null before the first complete check (with the spelling engine) has finished. */
export function openProblemCount(state: EditorState): number | null {
  const lint = lintPluginKey.getState(state);
  if (!lint?.checked || !lint.complete) return null;
  const emptyGaps = gapsOf(state).filter((gap) => gap.fill === '').length;
  const unconfirmed = quotesInDoc(state.doc).filter((quote) => !quote.confirmed).length;
  return currentProblems(state).length + emptyGaps + unconfirmed;
}
