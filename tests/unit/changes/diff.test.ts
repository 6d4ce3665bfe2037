import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, computeChanges, revertChange, revertChanges, splitBlocks, type Change } from '../../../src/changes/diff.ts';
import { exportPlainText } from '../../../src/export/text.ts';
import { SAMPLE_TEXT, sampleDoc } from '../../helpers/sample-doc.ts';

/** The invariants every result must satisfy. */
function checkChanges(original: string, corrected: string, changes: Change[]): void {
  let lastOriginal = -1;
  let lastCorrected = -1;
  for (const change of changes) {
    expect(original.slice(change.original.start, change.original.end)).toBe(change.original.text);
    expect(corrected.slice(change.corrected.start, change.corrected.end)).toBe(change.corrected.text);
    expect(change.original.text !== '' || change.corrected.text !== '').toBe(true);
    expect(change.original.start).toBeGreaterThanOrEqual(lastOriginal);
    expect(change.corrected.start).toBeGreaterThanOrEqual(lastCorrected);
    lastOriginal = change.original.end;
    lastCorrected = change.corrected.end;
    const kind = change.original.text === '' ? 'insert' : change.corrected.text === '' ? 'delete' : /^_{2,}$/.test(change.original.text) ? 'fill' : 'replace';
    expect(change.kind).toBe(kind);
    expect(change.block).toBeGreaterThanOrEqual(0);
    expect(change.block).toBeLessThan(splitBlocks(corrected).length);
  }
  expect(applyChanges(original, changes)).toBe(corrected);
  expect(revertChanges(corrected, changes)).toBe(original);
}

const summary = (changes: Change[]) => changes.map((c) => [c.kind, c.original.text, c.corrected.text, c.block]);

describe('computeChanges', () => {
  it('finds nothing in equal texts', () => {
    expect(computeChanges(SAMPLE_TEXT, SAMPLE_TEXT)).toEqual([]);
  });

  it('reports the sample’s two gap fills as fills, in their paragraphs', () => {
    const corrected = exportPlainText(sampleDoc());
    const changes = computeChanges(SAMPLE_TEXT, corrected);
    expect(summary(changes)).toEqual([
      ['fill', '__', 'tens of', 4],
      ['fill', '__', 'only', 11],
    ]);
    checkChanges(SAMPLE_TEXT, corrected, changes);
  });

  it('merges a deletion and an insertion into a replacement, and words separated by a space into one change', () => {
    const original = 'Title\n\nHe said quickly that it rains.';
    const corrected = 'Title\n\nShe told quickly that it pours.';
    const changes = computeChanges(original, corrected);
    expect(summary(changes)).toEqual([
      ['replace', 'He said', 'She told', 1],
      ['replace', 'rains', 'pours', 1],
    ]);
    checkChanges(original, corrected, changes);
  });

  it('keeps a fill apart from a correction next to it', () => {
    const original = 'T\n\ntheir __ hope is';
    const corrected = 'T\n\ntheir only hopes is';
    const changes = computeChanges(original, corrected);
    expect(summary(changes)).toEqual([
      ['fill', '__', 'only', 1],
      ['replace', 'hope', 'hopes', 1],
    ]);
    checkChanges(original, corrected, changes);
  });

  it('reports insertions and deletions with empty ranges on the other side', () => {
    const original = 'T\n\nA very big dog.';
    const corrected = 'T\n\nA big brown dog.';
    const changes = computeChanges(original, corrected);
    expect(summary(changes)).toEqual([
      ['delete', 'very ', '', 1],
      ['insert', '', ' brown', 1],
    ]);
    checkChanges(original, corrected, changes);
  });

  it('handles added, removed, split and joined paragraphs', () => {
    const original = 'T\n\nOne.\n\nTwo.\n\nThree.';
    const added = 'T\n\nOne.\n\nNew one.\n\nTwo.\n\nThree.';
    const removed = 'T\n\nOne.\n\nThree.';
    const split = 'T\n\nOne.\n\nTw\n\no.\n\nThree.';
    const joined = 'T\n\nOne. Two.\n\nThree.';
    const first = 'New title\n\nT\n\nOne.\n\nTwo.\n\nThree.';
    for (const corrected of [added, removed, split, joined, first]) checkChanges(original, corrected, computeChanges(original, corrected));
    expect(summary(computeChanges(original, added))).toEqual([['insert', '', '\n\nNew one.', 2]]);
    expect(summary(computeChanges(original, removed))).toEqual([['delete', '\n\nTwo.', '', 1]]);
    expect(summary(computeChanges(original, joined))).toEqual([['replace', '\n\n', ' ', 1]]);
  });

  it('keeps an edited paragraph paired with its original when paragraphs are added or removed next to it', () => {
    const original = 'T\n\nThe mayor spoke about roads today.\n\nAn old paragraph to drop.\n\nThe end.';
    const corrected = 'T\n\nA brand new lead paragraph.\n\nThe mayor spoke about bridges today.\n\nThe end.';
    const changes = computeChanges(original, corrected);
    expect(summary(changes)).toEqual([
      ['insert', '', '\n\nA brand new lead paragraph.', 1],
      ['replace', 'roads', 'bridges', 2],
      ['delete', '\n\nAn old paragraph to drop.', '', 2],
    ]);
    checkChanges(original, corrected, changes);
  });

  it('reverts one change at a time', () => {
    const original = 'T\n\nA __ dog barked loudly.';
    const corrected = 'T\n\nA small dog barked.';
    const changes = computeChanges(original, corrected);
    expect(changes).toHaveLength(2);
    expect(revertChange(corrected, changes[0]!)).toBe('T\n\nA __ dog barked.');
    expect(revertChange(corrected, changes[1]!)).toBe('T\n\nA small dog barked loudly.');
  });

  it('works with CRLF texts and separators that changed', () => {
    const original = 'T\r\n\r\nOne two.\r\n\r\nThree.';
    const corrected = 'T\r\n\r\nOne too.\r\n\r\n\r\nThree.';
    checkChanges(original, corrected, computeChanges(original, corrected));
  });

  it('satisfies its invariants for random edits of random texts', () => {
    const word = fc.constantFrom('a', 'bb', 'the', '__', '“Q”', ',', '.', '😀', 'é', ' ', '  ', '\n', '\n\n', '\r\n', '\t');
    const text = fc.array(word, { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        checkChanges(a, b, computeChanges(a, b));
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (a, b) => {
        checkChanges(a, b, computeChanges(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to one replacement when a region is too different to diff cheaply', () => {
    const a = 'T\n\n' + Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const b = 'T\n\n' + Array.from({ length: 300 }, (_, i) => `v${i}`).join(' ');
    const changes = computeChanges(a, b, { maxEditLength: 10 });
    expect(changes).toHaveLength(1);
    checkChanges(a, b, changes);
  });

  it('diffs a 400 KB article with scattered edits quickly', () => {
    // Distinct paragraphs (as in a real article): 60 words of the sample from a different place each.
    const words = SAMPLE_TEXT.split(/\s+/);
    const paragraphs = Array.from({ length: 1200 }, (_, i) => {
      const start = (i * 37) % (words.length - 60);
      return `Paragraph ${i}: ${words.slice(start, start + 60).join(' ')}`;
    });
    const original = ['A long title', ...paragraphs].join('\n\n');
    const edited = [...paragraphs];
    for (let i = 0; i < edited.length; i += 40) edited[i] = edited[i]!.replace(': ', ': Edited ');
    edited.splice(601, 1);
    edited.splice(300, 0, 'An added paragraph.');
    const corrected = ['A long title', ...edited].join('\n\n');
    expect(original.length).toBeGreaterThan(400_000);
    const started = performance.now();
    const changes = computeChanges(original, corrected);
    const elapsed = performance.now() - started;
    checkChanges(original, corrected, changes);
    expect(changes.length).toBe(32);
    expect(elapsed).toBeLessThan(1000);
  });
});
