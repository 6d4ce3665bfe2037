import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { exportReadiness, isReadyForExport } from '../../../src/export/readiness.ts';
import { BELARUSIAN_FIGHTER, buildArticle, SAMPLE_TEXT, sampleDoc } from '../../helpers/sample-doc.ts';

describe('exportReadiness', () => {
  it('finds nothing unfinished in the finished sample', () => {
    const readiness = exportReadiness(sampleDoc());
    expect(readiness).toEqual({ emptyGaps: 0, unconfirmedQuotes: 0 });
    expect(isReadyForExport(readiness)).toBe(true);
  });

  it('counts empty gaps and quotes without a confirmed speaker (a split quote once)', () => {
    expect(exportReadiness(textToDoc(SAMPLE_TEXT))).toEqual({ emptyGaps: 2, unconfirmedQuotes: 0 });
    const doc = buildArticle('T\n\n__ “A,” he said. “B\n\n“C.” __ __', {
      fills: ['x'],
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [
        { speaker: BELARUSIAN_FIGHTER.id },
        { speaker: BELARUSIAN_FIGHTER.id, confirmed: false, id: 'split' },
        { speaker: BELARUSIAN_FIGHTER.id, confirmed: false, id: 'split' },
      ],
    });
    expect(exportReadiness(doc)).toEqual({ emptyGaps: 2, unconfirmedQuotes: 1 });
    expect(isReadyForExport(exportReadiness(doc))).toBe(false);
  });
});
