import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internStrings } from '../../../src/text/intern.ts';

describe('internStrings', () => {
  it('leaves any JSON-like answer equal to what it was (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        expect(internStrings(copy)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps class instances, maps and typed arrays as they are', () => {
    const map = new Map([['a', 'b']]);
    const bytes = new Uint8Array([1, 2]);
    const date = new Date(0);
    const answer = internStrings({ map, bytes, date, list: [{ rule: 'x' }, { rule: 'x' }] });
    expect(answer.map).toBe(map);
    expect(answer.bytes).toBe(bytes);
    expect(answer.date).toBe(date);
    expect(answer.list).toEqual([{ rule: 'x' }, { rule: 'x' }]);
  });
});
