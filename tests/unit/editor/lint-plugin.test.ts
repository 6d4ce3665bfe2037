// @vitest-environment happy-dom
import { applyReplacement } from '../../../src/editor/problem-fixes.ts';
import { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { currentProblems, lintPlugin, problemContext, problemKey, refilterProblems, type BlockProblem, type Checker } from '../../../src/editor/lint-plugin.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { docToText } from '../../../src/editor/serialize.ts';

/** Flags every doubled word, like a real rule would, and can be held back to simulate a slow engine. */
function doubledWords(): { checker: Checker; release: () => void; hold: boolean; calls: number } {
  const control = {
    hold: false,
    calls: 0,
    release: () => {},
    checker: async (paragraphs: string[]) => {
      control.calls++;
      const found: BlockProblem[] = [];
      paragraphs.forEach((text, paragraph) => {
        for (const m of text.matchAll(/\b(\w+) \1\b/g)) {
          found.push({ paragraph, start: m.index, end: m.index + m[0].length, rule: 'doubled-word', category: 'repetition', message: `“${m[1]}” is doubled`, suggestions: [{ label: m[1]!, replacement: m[1]! }] });
        }
      });
      if (control.hold) await new Promise<void>((resolve) => (control.release = resolve));
      return found;
    },
  };
  return control;
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function mount(text: string, checker: Checker, ignored = new Set<string>()) {
  const view = new EditorView(document.createElement('div'), {
    state: createEditorState(textToDoc(text), { plugins: [lintPlugin({ checker, delay: 5, isIgnored: (key) => ignored.has(key) })] }),
  });
  return view;
}

describe('lint plugin', () => {
  it('shows the checker’s problems at the right place', async () => {
    const control = doubledWords();
    const view = mount('Title\n\nIt was the the best.\n\nFine text.', control.checker);
    await tick();
    const [problem] = currentProblems(view.state);
    expect(problem && view.state.doc.textBetween(problem.from, problem.to)).toBe('the the');
    expect(view.dom.querySelector('.lint-repetition')?.textContent).toBe('the the');
  });

  it('removes a problem at once when an edit touches it, and re-checks after a pause', async () => {
    const control = doubledWords();
    const view = mount('Title\n\nIt was the the best.', control.checker);
    await tick();
    const [problem] = currentProblems(view.state);
    view.dispatch(view.state.tr.insertText('x', problem!.from + 2));
    expect(currentProblems(view.state)).toHaveLength(0);
    await tick();
    expect(control.calls).toBe(2);
  });

  it('maps a late answer through later edits, and drops problems whose text changed', async () => {
    const control = doubledWords();
    control.hold = true;
    const view = mount('Title\n\nIt was the the best. It is so so bad.', control.checker);
    await tick();
    // While the check is running, the user types before the problems and inside the second one.
    view.dispatch(view.state.tr.insertText('Well, ', 8));
    const paragraphStart = view.state.doc.child(0).nodeSize + 1;
    const inside = paragraphStart + view.state.doc.child(1).textContent.indexOf('so so') + 1;
    view.dispatch(view.state.tr.insertText('b', inside));
    control.hold = false;
    control.release();
    await tick(40);
    const problems = currentProblems(view.state);
    expect(problems.map((p) => view.state.doc.textBetween(p.from, p.to))).toContain('the the');
    expect(problems.every((p) => view.state.doc.textBetween(p.from, p.to) === p.text)).toBe(true);
    expect(problems.map((p) => p.text)).not.toContain('so so');
    expect(problems.map((p) => p.text)).not.toContain('sbo so');
  });

  it('keeps the id of a problem found again after an edit elsewhere, and gives a new one to a problem that changed', async () => {
    const control = doubledWords();
    const view = mount('Title\n\nIt was the the best.\n\nIt is so so bad.\n\nFine text.', control.checker);
    await tick();
    const before = new Map(currentProblems(view.state).map((p) => [p.text, p.id]));
    expect([...before.keys()].sort()).toEqual(['so so', 'the the']);
    // Type at the start of the first paragraph (it moves both problems), then change the second
    // problem's text; the check that follows finds "the the" again and "so so so" instead of "so so".
    view.dispatch(view.state.tr.insertText('Well, ', 8));
    const second = currentProblems(view.state).find((p) => p.text === 'so so')!;
    view.dispatch(view.state.tr.insertText(' so', second.to));
    await tick(40);
    expect(control.calls).toBe(2);
    const after = currentProblems(view.state);
    expect(after.map((p) => p.text).sort()).toEqual(['so so', 'the the']);
    expect(after.find((p) => p.text === 'the the')!.id).toBe(before.get('the the'));
    // The edit touched the old "so so", which was removed at once: the one found now is new.
    expect(after.find((p) => p.text === 'so so')!.id).not.toBe(before.get('so so'));
    expect(new Set(after.map((p) => p.id)).size).toBe(after.length);
  });

  it('gives two identical problems at different places different ids, kept across checks', async () => {
    const control = doubledWords();
    const view = mount('Title\n\nIt was the the best, the the worst.', control.checker);
    await tick();
    const first = currentProblems(view.state).map((p) => p.id);
    expect(new Set(first).size).toBe(2);
    view.dispatch(view.state.tr.insertText('!', view.state.doc.content.size - 1));
    await tick(40);
    expect(control.calls).toBe(2);
    expect(currentProblems(view.state).map((p) => p.id)).toEqual(first);
  });

  it('hides ignored problems', async () => {
    const control = doubledWords();
    const first = mount('Title\n\nIt was the the best.', control.checker);
    await tick();
    const [problem] = currentProblems(first.state);
    const ignored = new Set([problemKey(problem!, problemContext(first.state.doc, problem!))]);
    const second = mount('Title\n\nIt was the the best.', control.checker, ignored);
    await tick();
    expect(currentProblems(second.state)).toHaveLength(0);
  });
});

describe('ignored problems', () => {
  it('stay ignored when a word next to them is fixed, under their new key; not once their own text changes', async () => {
    const control = doubledWords();
    const ignored = new Set<string>();
    const moves: (readonly [string, string])[] = [];
    const plugins = () => [
      lintPlugin({
        checker: control.checker,
        delay: 5,
        isIgnored: (key) => ignored.has(key),
        onIgnoresMoved: (moved) => {
          moves.push(...moved);
          for (const [from, to] of moved) {
            ignored.delete(from);
            ignored.add(to);
          }
        },
      }),
    ];
    const view = new EditorView(document.createElement('div'), { state: createEditorState(textToDoc('Title\n\nIt said the the recieved approval.'), { plugins: plugins() }) });
    const posOf = (text: string) => {
      let found = -1;
      view.state.doc.descendants((node, pos) => {
        const at = node.isText ? (node.text ?? '').indexOf(text) : -1;
        if (at >= 0 && found < 0) found = pos + at;
      });
      return found;
    };
    await tick();
    const [problem] = currentProblems(view.state);
    ignored.add(problemKey(problem!, problemContext(view.state.doc, problem!)));
    refilterProblems(view);
    expect(currentProblems(view.state)).toHaveLength(0);
    // "recieved" → "received", right after the ignored problem (among the words its key holds).
    const word = posOf('recieved');
    view.dispatch(view.state.tr.insertText('ei', word + 3, word + 5));
    await tick();
    expect(control.calls).toBe(2);
    expect(currentProblems(view.state)).toHaveLength(0);
    expect(moves).toHaveLength(1);
    // Stored under its new key, it is still ignored in a new editor (after a reload).
    const again = new EditorView(document.createElement('div'), {
      state: createEditorState(view.state.doc, { plugins: [lintPlugin({ checker: control.checker, delay: 5, isIgnored: (key) => ignored.has(key) })] }),
    });
    await tick();
    expect(currentProblems(again.state)).toHaveLength(0);
    // Its own text changed: a new problem, shown.
    const doubled = posOf('the the');
    view.dispatch(view.state.tr.insertText('so so', doubled, doubled + 'the the'.length));
    await tick();
    expect(currentProblems(view.state).map((p) => p.text)).toEqual(['so so']);
  });
});

describe('applyReplacement', () => {
  it('changes only the differing characters', () => {
    const state = createEditorState(textToDoc('Title\n\nLukashenka said.'));
    const from = 8;
    const to = from + 'Lukashenka'.length;
    const tr = applyReplacement(state, from, to, 'Lukashenko')!;
    expect(tr.steps).toHaveLength(1);
    const step = tr.steps[0]!.toJSON() as { from: number; to: number };
    expect([step.from, step.to]).toEqual([to - 1, to]);
    expect(docToText(state.apply(tr).doc)).toBe('Title\n\nLukashenko said.');
  });
});
