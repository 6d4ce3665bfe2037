import { describe, expect, it } from 'vitest';
import { detectDialect, dialectEvidence } from '../../../src/proofread/dialect.ts';
import { sampleParagraphs } from './sample.ts';

describe('dialect detection', () => {
  it('reads the sample article as American', () => {
    expect(detectDialect(sampleParagraphs)).toBe('american');
    expect(dialectEvidence(sampleParagraphs).american).toBeGreaterThan(0);
  });
  it('reads British spelling as British', () => {
    expect(detectDialect(['The colour of the town centre', 'The council’s programme was organised by a councillor.'])).toBe('british');
  });
  it('ignores names and words spelled the same way in both', () => {
    expect(dialectEvidence(['The Labour Party met at Rockefeller Center near Pearl Harbor.', 'They advertise, exercise and surprise.'])).toEqual({ british: 0, american: 0 });
    expect(detectDialect(['Nothing to go on.'])).toBe('american');
  });
});
