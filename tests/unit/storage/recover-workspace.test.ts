import { describe, expect, it } from 'vitest';
import { inIndexOrder } from '../../../src/storage/recover-workspace.ts';

describe('articles recovered from a damaged index', () => {
  it('come in the order the index still names them, the others after', () => {
    const raw = '{"version":3,"currentId":"a1","order":["b2","a1"],"articles":{"b2":{"id":"b2","title":"Se';
    expect(inIndexOrder(['a1', 'c3', 'b2'], raw)).toEqual(['b2', 'a1', 'c3']);
  });
});
