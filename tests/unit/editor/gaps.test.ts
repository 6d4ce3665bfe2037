import { readFileSync } from 'node:fs';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { adjacentGap, findGaps, gapContext, gapsOf, placedGaps, setGapFill, selectGap } from '../../../src/editor/gaps.ts';
import { goToGap } from '../../../src/editor/keymap.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');

function run(state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

describe('gap plugin', () => {
  it('lists the gaps of the sample in order', () => {
    const state = createEditorState(textToDoc(sample));
    expect(gapsOf(state).map((g) => [g.id, g.index, g.fill])).toEqual([
      ['g1', 0, ''],
      ['g2', 1, ''],
    ]);
  });

  it('keeps the same list object while the user types elsewhere', () => {
    const state = createEditorState(textToDoc(sample));
    const before = gapsOf(state);
    const typed = state.apply(state.tr.insertText('x', 5));
    expect(gapsOf(typed)).toBe(before);
    expect(placedGaps(typed).map((g) => g.pos)).toEqual(findGaps(typed.doc).map((g) => g.pos));
  });

  it('updates the list when a gap is filled, deleted, or restored by undo', () => {
    let state = createEditorState(textToDoc(sample));
    state = run(state, setGapFill('g1', 'tens of'));
    expect(gapsOf(state)[0]?.fill).toBe('tens of');
    const pos = placedGaps(state)[1]!.pos;
    state = state.apply(state.tr.delete(pos - 3, pos + 3));
    expect(gapsOf(state).map((g) => g.id)).toEqual(['g1']);
    state = run(state, undo);
    expect(gapsOf(state).map((g) => g.id)).toEqual(['g1', 'g2']);
  });

  it('groups the keystrokes of one fill into one undo step', () => {
    let state = createEditorState(textToDoc(sample));
    for (const fill of ['t', 'te', 'ten', 'tens']) state = run(state, setGapFill('g1', fill));
    expect(gapsOf(state)[0]?.fill).toBe('tens');
    state = run(state, undo);
    expect(gapsOf(state)[0]?.fill).toBe('');
    state = run(state, redo);
    expect(gapsOf(state)[0]?.fill).toBe('tens');
  });

  it('navigates to the next and previous gap, wrapping around, and to the next empty one', () => {
    let state = createEditorState(textToDoc(sample));
    expect(adjacentGap(state, 1)?.id).toBe('g1');
    state = run(state, goToGap(1));
    expect(state.selection).toBeInstanceOf(NodeSelection);
    expect(adjacentGap(state, 1)?.id).toBe('g2');
    expect(adjacentGap(state, -1)?.id).toBe('g2');
    state = run(state, setGapFill('g1', 'tens of'));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    expect(adjacentGap(state, 1, true)?.id).toBe('g2');
    state = run(state, setGapFill('g2', 'only'));
    expect(adjacentGap(state, 1, true)).toBeNull();
  });

  it('selects a gap by id', () => {
    const state = run(createEditorState(textToDoc(sample)), selectGap('g2'));
    expect((state.selection as NodeSelection).node.attrs.id).toBe('g2');
  });

  it('gives the words around a gap', () => {
    const doc = textToDoc(sample);
    const [first] = findGaps(doc);
    expect(gapContext(doc, first!.pos)).toEqual({ before: 'almost immediately filled with', after: 'thousands of citizens peacefully' });
  });
});
