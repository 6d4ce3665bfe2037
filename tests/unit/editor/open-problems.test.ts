// @vitest-environment happy-dom
import { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { lintPlugin, lintPluginKey, requestRecheck, type BlockProblem } from '../../../src/editor/lint-plugin.ts';
import { openProblemCount } from '../../../src/editor/open-problems.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { schema } from '../../../src/editor/schema.ts';
import { createEditorState } from '../../../src/editor/state.ts';

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

async function doubled(paragraphs: string[]): Promise<BlockProblem[]> {
  return paragraphs.flatMap((text, paragraph) =>
    [...text.matchAll(/\b(\w+) \1\b/g)].map((m) => ({ paragraph, start: m.index, end: m.index + m[0].length, rule: 'doubled-word', category: 'repetition', message: 'doubled', suggestions: [] })),
  );
}

describe('open problem count', () => {
  it('is unknown before the first check, then counts problems, empty gaps and unconfirmed quotes', async () => {
    const doc = textToDoc('Title\n\nIt was the the best. “Yes,” she said.\n\nA __ gap and another __ one.');
    const view = new EditorView(document.createElement('div'), { state: createEditorState(doc, { plugins: [lintPlugin({ checker: doubled, delay: 5 })] }) });
    expect(openProblemCount(view.state)).toBeNull();
    await tick();
    expect(openProblemCount(view.state)).toBe(3); // “the the” and two empty gaps
    // Mark the quote (unconfirmed) and fill both gaps.
    const start = view.state.doc.child(1).textContent.indexOf('“') + view.state.doc.child(0).nodeSize + 1;
    view.dispatch(view.state.tr.addMark(start, start + 6, schema.marks.quote!.create({ id: 'q1', speaker: null })));
    const tr = view.state.tr;
    view.state.doc.descendants((node, pos) => {
      if (node.type.name === 'gap') tr.setNodeMarkup(pos, undefined, { ...node.attrs, fill: 'big' });
    });
    view.dispatch(tr);
    await tick();
    expect(openProblemCount(view.state)).toBe(2); // “the the” and the unconfirmed quote
  });

  it('is unknown while the checks ran without the spelling engine, and the plugin says the check was not complete', async () => {
    let complete = false;
    const partial = async (paragraphs: string[]) => ({ problems: await doubled(paragraphs), complete });
    const view = new EditorView(document.createElement('div'), { state: createEditorState(textToDoc('Title\n\nIt was fine.'), { plugins: [lintPlugin({ checker: partial, delay: 5 })] }) });
    await tick();
    expect(lintPluginKey.getState(view.state)?.checked).toBe(true);
    expect(lintPluginKey.getState(view.state)?.complete).toBe(false);
    expect(openProblemCount(view.state)).toBeNull();
    complete = true;
    requestRecheck(view);
    await tick();
    expect(lintPluginKey.getState(view.state)?.complete).toBe(true);
    expect(openProblemCount(view.state)).toBe(0);
  });
});
