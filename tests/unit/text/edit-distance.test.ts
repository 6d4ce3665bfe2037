import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, normalizedEditDistance } from '../../../src/text/edit-distance.ts';

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('lukashenko', 'lukashenka')).toBe(1);
    expect(editDistance('frantzkevych', 'frantskevich')).toBe(2);
  });

  it('stops early past a limit and says limit + 1', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('lukashenko', 'lukashenka', 2)).toBe(1);
  });

  it('normalises by the longer length', () => {
    expect(normalizedEditDistance('lukashenko', 'lukashenka')).toBeCloseTo(0.1);
    expect(normalizedEditDistance('Frantzkevych', 'Frantskevich')).toBeCloseTo(2 / 12);
    expect(normalizedEditDistance('', '')).toBe(0);
  });

  it('is a metric, and its early exit agrees with the full computation', () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(word, word, word, fc.nat(6), (a, b, c, limit) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, c)).toBeLessThanOrEqual(d + editDistance(b, c));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(editDistance(a, b, limit)).toBe(d <= limit ? d : limit + 1);
      }),
      { numRuns: 500 },
    );
  });
});
