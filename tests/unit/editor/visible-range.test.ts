// @vitest-environment happy-dom
import fc from 'fast-check';
import { EditorView } from 'prosemirror-view';
import { describe, expect, it, vi } from 'vitest';
import { currentProblems, lintPlugin, type BlockProblem } from '../../../src/editor/lint-plugin.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { MIN_MARGIN, marginFor, nextWindow, visibleRangeKey, windowOf, type PosRange } from '../../../src/editor/visible-range.ts';

describe('the drawing window', () => {
  const range = (size: number) =>
    fc.tuple(fc.nat({ max: size }), fc.nat({ max: size })).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
  const setup = fc.integer({ min: 1, max: 200_000 }).chain((size) =>
    fc.record({ size: fc.constant(size), visible: range(size), current: fc.option(range(size), { nil: null }) }),
  );

  it('always covers the visible text, and keeps still while it stays well inside (property)', () => {
    fc.assert(
      fc.property(setup, ({ size, visible, current }) => {
        const next = nextWindow(current, visible, size);
        const window = next ?? current;
        expect(window).not.toBeNull();
        expect(window!.from).toBeLessThanOrEqual(visible.from);
        expect(window!.to).toBeGreaterThanOrEqual(visible.to);
        expect(window!.from).toBeGreaterThanOrEqual(0);
        expect(window!.to).toBeLessThanOrEqual(size);
        const margin = marginFor(visible);
        if (next) {
          // Recentred: a margin each side, cut at the ends of the document.
          expect(next).toEqual({ from: Math.max(0, visible.from - margin), to: Math.min(size, visible.to + margin) });
          // ... and moving it at once again would not move it.
          expect(nextWindow(next, visible, size)).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('moves when the visible text comes within half a margin of an edge', () => {
    const current = { from: 20_000, to: 40_000 };
    expect(nextWindow(current, { from: 29_000, to: 31_000 }, 100_000)).toBeNull();
    expect(nextWindow(current, { from: 37_000, to: 38_000 }, 100_000)).toEqual({ from: 37_000 - MIN_MARGIN, to: 38_000 + MIN_MARGIN });
    // At the end of the document, the window that reaches it stays.
    expect(nextWindow({ from: 80_000, to: 100_000 }, { from: 98_000, to: 100_000 }, 100_000)).toBeNull();
  });
});

describe('problems drawn in the window', () => {
  // 60 paragraphs of about 100 characters, each with one doubled word.
  const text = ['Title', ...Array.from({ length: 60 }, (_, i) => `Paragraph ${i} has a doubled word word in it, and enough other text to make it a line or so long.`)].join('\n\n');
  const checker = async (paragraphs: string[]) => {
    const found: BlockProblem[] = [];
    paragraphs.forEach((t, paragraph) => {
      for (const m of t.matchAll(/\b(\w+) \1\b/g)) found.push({ paragraph, start: m.index, end: m.index + m[0].length, rule: 'doubled', category: 'repetition', message: 'doubled', suggestions: [] });
    });
    return found;
  };
  const drawn = (view: EditorView) => [...view.dom.querySelectorAll('.lint')].length;
  const setWindow = (view: EditorView, window: PosRange) => view.dispatch(view.state.tr.setMeta(visibleRangeKey, window));

  async function mount(): Promise<EditorView> {
    const view = new EditorView(document.createElement('div'), {
      state: createEditorState(textToDoc(text), { plugins: [lintPlugin({ checker, delay: 1 })] }),
    });
    // The first check runs once the editor has painted; wait for its answer.
    await vi.waitFor(() => expect(currentProblems(view.state)).toHaveLength(60), { timeout: 5000 });
    return view;
  }

  it('draws every problem without a window, and only those in the window with one', async () => {
    const view = await mount();
    expect(currentProblems(view.state)).toHaveLength(60);
    expect(drawn(view)).toBe(60);
    const problems = currentProblems(view.state);
    setWindow(view, { from: problems[10]!.from - 5, to: problems[19]!.to + 5 });
    expect(drawn(view)).toBe(10);
    // The panels and commands still see them all.
    expect(currentProblems(view.state)).toHaveLength(60);
    setWindow(view, { from: problems[50]!.from - 5, to: view.state.doc.content.size });
    expect(drawn(view)).toBe(10);
    expect(view.dom.querySelectorAll('p')[51]!.querySelector('.lint')?.textContent).toBe('word word');
    view.destroy();
  });

  it('keeps the window and the drawn problems in place while the text above changes', async () => {
    const view = await mount();
    const problems = currentProblems(view.state);
    setWindow(view, { from: problems[10]!.from - 5, to: problems[19]!.to + 5 });
    const before = windowOf(view.state)!;
    view.dispatch(view.state.tr.insertText('Some more words. ', problems[0]!.to + 1));
    expect(windowOf(view.state)).toEqual({ from: before.from + 17, to: before.to + 17 });
    expect(drawn(view)).toBe(10);
    // An edit inside a drawn problem removes it from the text and from the list at once.
    const tenth = currentProblems(view.state)[10]!;
    view.dispatch(view.state.tr.insertText('x', tenth.from + 2));
    expect(drawn(view)).toBe(9);
    expect(currentProblems(view.state)).toHaveLength(59);
    view.destroy();
  });
});
