import { readFileSync } from 'node:fs';
import { undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { findWords, applySpellingEverywhere } from '../../../src/editor/spelling-commands.ts';
import { createEditorState } from '../../../src/editor/state.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');
const run = (state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean) => {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
};

describe('use one spelling everywhere', () => {
  it('makes Lukashenko the only spelling in the sample, in one undo step', () => {
    let state = createEditorState(textToDoc(sample));
    expect(findWords(state.doc, ['Lukashenka'])).toHaveLength(4);
    state = run(state, applySpellingEverywhere(['Lukashenko', 'Lukashenka'], 'Lukashenko'));
    const text = docToText(state.doc);
    expect(text).not.toContain('Lukashenka');
    expect(text).toBe(sample.replaceAll('Lukashenka', 'Lukashenko'));
    state = run(state, undo);
    expect(docToText(state.doc)).toBe(sample);
  });

  it('replaces whole words only', () => {
    const state = run(createEditorState(textToDoc('T\n\nSmith met Smithson and Smith’s aide.')), applySpellingEverywhere(['Smith', 'Smyth'], 'Smyth'));
    expect(docToText(state.doc)).toBe('T\n\nSmyth met Smithson and Smyth’s aide.');
  });
});
