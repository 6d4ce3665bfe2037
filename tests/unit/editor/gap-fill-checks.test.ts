// @vitest-environment happy-dom
import { applyReplacement, applySuggestion } from '../../../src/editor/problem-fixes.ts';
/**
 * Gap fills are proofread in context: the checks read a filled gap as its fill, problems found in
 * a fill are placed on its gap, and a fix sets the fill.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { checkTexts, placeSpan } from '../../../src/editor/block-text.ts';
import { gapsOf, placedGaps, setGapFill } from '../../../src/editor/gaps.ts';
import { currentProblems, lintPlugin, type BlockProblem } from '../../../src/editor/lint-plugin.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { createEditorState } from '../../../src/editor/state.ts';

function run(state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

function filled(text: string, ...fills: string[]): EditorState {
  let state = createEditorState(textToDoc(text));
  fills.forEach((fill, i) => (state = run(state, setGapFill(gapsOf(state)[i]!.id, fill))));
  return state;
}

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe('check texts', () => {
  it('read a filled gap as its fill and an empty one as U+FFFC', () => {
    const state = filled('Title\n\nShe ate a __ apple and __ pears.', 'old');
    const blocks = checkTexts(state.doc);
    expect(blocks[1]!.text).toBe('She ate a old apple and \uFFFC pears.');
    const gap = placedGaps(state)[0]!;
    expect(blocks[1]!.fills).toEqual([{ at: 10, length: 3, pos: gap.pos }]);
  });

  it('place a span in text, in a fill and after a fill', () => {
    const state = filled('Title\n\nThe council sent __ letters on Monday.', 'thre hundered');
    const block = checkTexts(state.doc)[1]!;
    const gap = placedGaps(state)[0]!;
    const at = (word: string) => block.text.indexOf(word);
    // Before the gap: one position per character.
    expect(placeSpan(block, at('council'), at('council') + 7)).toMatchObject({ from: block.pos + 4, to: block.pos + 11 });
    // In the fill: the gap, and the fill as covered text.
    expect(placeSpan(block, at('hundered'), at('hundered') + 8)).toEqual({ from: gap.pos, to: gap.pos + 1, textFrom: at('thre'), textTo: at('thre') + 13 });
    // After the fill: shifted back by the fill's length minus the gap's one position.
    const placed = placeSpan(block, at('Monday'), at('Monday') + 6);
    expect(state.doc.textBetween(placed.from, placed.to)).toBe('Monday');
  });
});

describe('problems in gap fills', () => {
  /** Flags "thre" and "hundered" wherever the checks see them. */
  const typos = async (paragraphs: string[]): Promise<BlockProblem[]> =>
    paragraphs.flatMap((text, paragraph) =>
      [...text.matchAll(/\b(thre|hundered)\b/g)].map((m) => ({
        paragraph,
        start: m.index,
        end: m.index + m[0].length,
        rule: 'SpellCheck',
        category: 'spelling',
        message: 'Misspelt',
        suggestions: [{ label: m[1] === 'thre' ? 'three' : 'hundred', replacement: m[1] === 'thre' ? 'three' : 'hundred' }],
      })),
    );

  it('are found in the fill, placed on its gap, and fixed by setting the fill', async () => {
    let state = createEditorState(textToDoc('Title\n\nThe council recieved __ letters.'), { plugins: [lintPlugin({ checker: typos, delay: 1 })] });
    state = run(state, setGapFill('g1', 'thre hundered'));
    const view = new EditorView(document.createElement('div'), { state });
    await tick();
    const gap = placedGaps(view.state)[0]!;
    const problems = currentProblems(view.state);
    expect(problems.map((p) => [p.text, p.from, p.to])).toEqual([
      ['thre', gap.pos, gap.pos + 1],
      ['hundered', gap.pos, gap.pos + 1],
    ]);
    // The gap is marked as a problem.
    expect(view.dom.querySelector('.gap')?.classList.contains('lint-spelling')).toBe(true);
    const tr = applySuggestion(view.state, problems[1]!, 'hundred')!;
    view.dispatch(tr);
    expect(gapsOf(view.state)[0]!.fill).toBe('thre hundred');
    expect(docToText(view.state.doc)).toBe('Title\n\nThe council recieved thre hundred letters.');
  });

  it('a replacement across a gap changes the text around it, never the gap, and does not cross it', () => {
    const state = filled('Title\n\nShe ate a __ apple.', 'old');
    const gap = placedGaps(state)[0]!;
    // "a old" → "an old": the change is in the text before the gap.
    const tr = applyReplacement(state, gap.pos - 2, gap.pos + 1, 'an old')!;
    expect(docToText(state.apply(tr).doc)).toBe('Title\n\nShe ate an __ apple.'.replace('__', 'old'));
    expect(gapsOf(state.apply(tr))[0]!.fill).toBe('old');
    // A change that would cross the gap is refused.
    expect(applyReplacement(state, gap.pos - 2, gap.pos + 1, 'the')).toBeNull();
  });
});
