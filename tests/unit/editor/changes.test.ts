import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { EditorState, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { computeDocChanges, revertChange } from '../../../src/editor/changes.ts';
import { setGapFill } from '../../../src/editor/gaps.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { quotesInDoc } from '../../../src/editor/quote-marks.ts';
import { schema } from '../../../src/editor/schema.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');

function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

function edited(text: string, edit: (t: string) => string) {
  const original = textToDoc(text);
  const current = textToDoc(edit(text));
  return { original, current };
}

describe('computeDocChanges', () => {
  it('finds nothing in an unedited article', () => {
    const doc = textToDoc(sample);
    expect(computeDocChanges(doc, doc)).toEqual([]);
  });

  it('lists a replaced word, an insertion, a deletion and a gap fill', () => {
    const original = textToDoc(sample);
    let state = createEditorState(original);
    state = run(state, setGapFill('g1', 'tens of'));
    const text = docToText(state.doc)
      .replace('neither of the volunteers are', 'none of the volunteers are')
      .replace('Countless foreigners', 'Countless brave foreigners')
      .replace(' and even Japanese', ' and Japanese');
    const current = textToDoc(text);
    const changes = computeDocChanges(original, current).map((c) => [c.kind, c.before, c.after]);
    expect(changes).toEqual([
      ['insert', '', 'brave '],
      ['delete', 'even ', ''],
      ['replace', 'neither', 'none'],
      ['replace', '__', 'tens of'],
    ]);
  });

  it('lists a fill made in the editor as a fill', () => {
    const original = textToDoc(sample);
    const state = run(createEditorState(original), setGapFill('g2', 'only'));
    expect(computeDocChanges(original, state.doc).map((c) => [c.kind, c.before, c.after, c.gapId])).toEqual([['fill', '__', 'only', 'g2']]);
  });

  it("lists a fill as replacing the gap's own marker", () => {
    const original = textToDoc('Title\n\nThe fire destroyed _____ homes in ___ county.');
    const state = run(run(createEditorState(original), setGapFill('g1', 'forty')), setGapFill('g2', 'Kent'));
    expect(computeDocChanges(original, state.doc).map((c) => [c.kind, c.before, c.after])).toEqual([
      ['fill', '_____', 'forty'],
      ['fill', '___', 'Kent'],
    ]);
  });

  it('reverting every change, one at a time, gives back the original (property)', () => {
    const base = 'Title line\n\nFirst paragraph has some words.\n\nSecond one, with a __ gap.\n\nThird.';
    const words = ['new', 'old', 'Lukashenko', '“quote,”', ' ', 'é', '😀'];
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...words) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('fill' as const), text: fc.constantFrom('tens of', 'x') }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const original = textToDoc(base);
        let state = createEditorState(original);
        for (const e of edits) {
          const size = state.doc.content.size;
          const textPositions: number[] = [];
          state.doc.descendants((node, pos) => {
            if (node.isText) for (let i = 0; i <= node.nodeSize; i++) textPositions.push(pos + i);
            return true;
          });
          if (e.kind === 'fill') state = run(state, setGapFill('g1', e.text));
          else if (textPositions.length === 0) continue;
          else {
            const at = textPositions[e.at % textPositions.length]!;
            if (e.kind === 'insert') state = state.apply(state.tr.insertText(e.text, at));
            if (e.kind === 'split' && state.doc.resolve(at).parent.type.name === 'paragraph') state = state.apply(state.tr.split(at));
            if (e.kind === 'delete') {
              const $at = state.doc.resolve(at);
              const to = Math.min(at + e.length, $at.end(), size);
              if (to > at) state = state.apply(state.tr.delete(at, to));
            }
          }
        }
        for (let guard = 0; guard < 40; guard++) {
          const changes = computeDocChanges(original, state.doc);
          if (changes.length === 0) break;
          state = run(state, revertChange(changes[changes.length - 1]!, original));
        }
        expect(docToText(state.doc)).toBe(base);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a split paragraph', () => {
    const { original, current } = edited(sample, (t) => t.replace('Lviv to Kyiv and Odesa, you', 'Lviv to Kyiv and Odesa.\n\nYou'));
    const changes = computeDocChanges(original, current);
    expect(changes.length).toBeGreaterThan(0);
    let state = createEditorState(current);
    for (const change of [...changes].reverse()) state = run(state, revertChange(change, original));
    expect(docToText(state.doc)).toBe(sample);
  });

  it('text restored inside a quote is part of that quote again', () => {
    const text = 'Title\n\n“After the victory, our struggle will only begin,” a fighter said. After it, “none”.';
    const original = textToDoc(text);
    let state = createEditorState(original);
    const posOf = (words: string) => {
      let found = -1;
      state.doc.descendants((node, pos) => {
        if (found < 0 && node.isText && node.text!.includes(words)) found = pos + node.text!.indexOf(words);
      });
      return found;
    };
    const quoted = '“After the victory, our struggle will only begin,”';
    const from = posOf(quoted);
    const mark = schema.marks.quote!.create({ id: 'q1', speaker: 'fighter', confirmed: true, confidence: 1, source: 'user' });
    state = state.apply(state.tr.addMark(from, from + quoted.length, mark));
    // "will only begin" becomes "will begin", then the change is reverted
    const only = posOf('only ');
    state = state.apply(state.tr.delete(only, only + 'only '.length));
    const [change] = computeDocChanges(original, state.doc);
    expect(change).toMatchObject({ kind: 'delete', before: 'only ' });
    state = run(state, revertChange(change!, original));
    expect(docToText(state.doc)).toBe(text);
    const quotes = quotesInDoc(state.doc);
    expect(quotes.map((q) => q.segments.map((s) => state.doc.textBetween(s.from, s.to)))).toEqual([[quoted]]);
    expect(quotes[0]).toMatchObject({ id: 'q1', speaker: 'fighter', confirmed: true });

    // a replaced word inside the quote, and a change outside any quote, which stays outside
    state = state.apply(state.tr.insertText('start', posOf('begin'), posOf('begin') + 'begin'.length));
    state = state.apply(state.tr.insertText('Later', posOf('After it'), posOf('After it') + 'After'.length));
    for (const c of computeDocChanges(original, state.doc).reverse()) state = run(state, revertChange(c, original));
    expect(docToText(state.doc)).toBe(text);
    expect(quotesInDoc(state.doc).map((q) => q.segments.map((s) => state.doc.textBetween(s.from, s.to)))).toEqual([[quoted]]);
  });
});
