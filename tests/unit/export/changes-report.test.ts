import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { exportChangesReport } from '../../../src/export/changes-report.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');

describe('changes report', () => {
  it('lists each change with its paragraph, then the corrected article', () => {
    const corrected = sample.replace('filled with __ thousands', 'filled with tens of thousands').replace('neither of the volunteers are', 'none of the volunteers are');
    const report = exportChangesReport(textToDoc(corrected), sample, 'Sample');
    expect(report).toContain('2 changes from the original:');
    expect(report).toContain('Paragraph 2: “neither” → “none”');
    expect(report).toContain('Paragraph 4: gap filled with “tens of”');
    expect(report.endsWith(corrected)).toBe(true);
  });

  it('says when nothing changed', () => {
    expect(exportChangesReport(textToDoc(sample), sample, 'Sample')).toContain('No changes from the original.');
  });
});
