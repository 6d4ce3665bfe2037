import fc from 'fast-check';
import { redo, undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { computeDocChanges, revertChange } from '../../../src/editor/changes.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { createEditorState } from '../../../src/editor/state.ts';

/** Runs a command a few seconds after the last step (so it is an undo step of its own, as the user's click is). */
let clock = 0;
function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr.setTime((clock += 5000)))));
  return next;
}

/** Replaces the first `word` with `by`, as typing over a selection would. */
function replace(state: EditorState, word: string, by: string): EditorState {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(word)) at = pos + node.text!.indexOf(word);
  });
  return state.apply(state.tr.insertText(by, at, at + word.length).setTime((clock += 5000)));
}

const text = 'Harbor Reopens\n\nLater, Jon Smith added: “We will rebuild.”\n\nThe boats returned at dawn.';

describe('undoing a revert from the Changes panel', () => {
  it('brings the edited text back, and redo reverts it again', () => {
    const original = textToDoc(text);
    let state = replace(createEditorState(original), 'rebuild', 'recover');
    const edited = docToText(state.doc);
    const [change] = computeDocChanges(original, state.doc);
    state = run(state, revertChange(change!, original));
    expect(docToText(state.doc)).toBe(text);
    state = run(state, undo);
    expect(docToText(state.doc)).toBe(edited);
    state = run(state, redo);
    expect(docToText(state.doc)).toBe(text);
  });

  it('restores exactly the text before the revert, for any word replaced by any other', () => {
    const word = fc.constantFrom('rebuild', 'boats', 'returned', 'dawn', 'Later');
    fc.assert(
      fc.property(word, fc.stringMatching(/^[a-z]{1,9}( [a-z]{1,6})?$/), (target, by) => {
        const original = textToDoc(text);
        let state = replace(createEditorState(original), target, by);
        const edited = docToText(state.doc);
        const changes = computeDocChanges(original, state.doc).reverse();
        for (const change of changes) state = run(state, revertChange(change, original));
        expect(docToText(state.doc)).toBe(text);
        for (let i = 0; i < changes.length; i++) state = run(state, undo);
        expect(docToText(state.doc)).toBe(edited);
      }),
    );
  });
});
