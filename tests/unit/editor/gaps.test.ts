import { readFileSync } from 'node:fs';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schema } from '../../../src/editor/schema.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { adjacentGap, findGaps, gapContext, gapNumber, gapOrder, gapsOf, placedGaps, setGapFill, selectGap } from '../../../src/editor/gaps.ts';
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

  it('stays on a gap while its field is typed in, so the next and previous gap are the ones around it', () => {
    // Alt+G after typing a fill came back to the same gap, and the next fill replaced the first.
    let state = run(createEditorState(textToDoc('Title\n\nOne __ two __ three __ end.')), selectGap('g2'));
    for (const fill of ['t', 'te', 'ten']) state = run(state, setGapFill('g2', fill));
    expect((state.selection as NodeSelection).node.attrs).toMatchObject({ id: 'g2', fill: 'ten' });
    expect(adjacentGap(state, 1)?.id).toBe('g3');
    expect(adjacentGap(state, -1)?.id).toBe('g1');
    // Typed and wiped out again: the gap is empty, and Alt+E still goes on to the next empty one.
    state = run(state, setGapFill('g2', ''));
    expect(adjacentGap(state, 1, true)?.id).toBe('g3');
    state = run(state, goToGap(1));
    expect((state.selection as NodeSelection).node.attrs.id).toBe('g3');
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

  it("gives each gap's own marker, in the list and in the words around another gap", () => {
    const doc = textToDoc('Marker test\n\nThe fire destroyed _____ homes in ___ county and __ farms.');
    const state = createEditorState(doc);
    expect(gapsOf(state).map((g) => g.marker)).toEqual(['_____', '___', '__']);
    const [first, second] = findGaps(doc);
    expect(gapContext(doc, first!.pos)).toEqual({ before: 'The fire destroyed', after: 'homes in ___ county' });
    expect(gapContext(doc, second!.pos)).toEqual({ before: 'destroyed _____ homes in', after: 'county and __ farms.' });
    // A fill replaces the marker in the words around the other gaps; the list keeps the marker.
    const filled = run(state, setGapFill('g1', 'forty'));
    expect(gapContext(filled.doc, placedGaps(filled)[1]!.pos).before).toBe('destroyed forty homes in');
    expect(gapsOf(filled)[0]).toMatchObject({ fill: 'forty', marker: '_____' });
  });

  it('keeps the order while a gap is filled, and renews it when gaps are added or removed', () => {
    let state = createEditorState(textToDoc(sample));
    const order = gapOrder(state);
    state = run(state, setGapFill('g2', 'only'));
    expect(gapOrder(state)).toBe(order);
    expect(gapNumber(state, 'g2')).toEqual({ number: 2, total: 2 });
    state = state.apply(state.tr.insert(3, schema.nodes.gap!.create({ id: 'g9' })));
    expect(gapOrder(state)).toEqual(['g9', 'g1', 'g2']);
    expect(gapNumber(state, 'g2')).toEqual({ number: 3, total: 3 });
    expect(gapNumber(state, 'nope')).toBeNull();
  });

  it('agrees with a fresh scan of the document after any edits (property)', () => {
    type Op = { kind: 'type' | 'gap' | 'delete' | 'fill' | 'undo'; at: number; len: number; text: string };
    const op = fc.record({
      kind: fc.constantFrom('type', 'gap', 'delete', 'fill', 'undo'),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 40 }),
      text: fc.string({ maxLength: 5 }),
    }) as fc.Arbitrary<Op>;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let state = createEditorState(textToDoc(sample));
        let next = 0;
        for (const o of ops) {
          const size = state.doc.content.size;
          const $pos = state.doc.resolve(1 + (o.at % (size - 1)));
          const pos = $pos.parent.inlineContent ? $pos.pos : null;
          if (o.kind === 'type' && pos !== null && o.text) state = state.apply(state.tr.insertText(o.text, pos));
          if (o.kind === 'gap' && pos !== null) state = state.apply(state.tr.insert(pos, schema.nodes.gap!.create({ id: `n${++next}` })));
          if (o.kind === 'delete' && pos !== null) state = state.apply(state.tr.delete(pos, Math.min(pos + o.len, $pos.end())));
          if (o.kind === 'fill') {
            const gaps = gapsOf(state);
            if (gaps.length) state = run(state, setGapFill(gaps[o.at % gaps.length]!.id, o.text));
          }
          if (o.kind === 'undo') state = run(state, undo);
          const scanned = findGaps(state.doc);
          expect(gapsOf(state)).toEqual(scanned.map(({ id, index, fill, marker }) => ({ id, index, fill, marker })));
          expect(placedGaps(state).map((g) => g.pos)).toEqual(scanned.map((g) => g.pos));
          scanned.forEach((g, i) => expect(gapNumber(state, g.id)).toEqual({ number: i + 1, total: scanned.length }));
        }
      }),
      { numRuns: 150 },
    );
  });
});
