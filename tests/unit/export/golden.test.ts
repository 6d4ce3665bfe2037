import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenOutputs } from '../../helpers/sample-doc.ts';

/**
 * Every export of the sample article equals its golden file in fixtures/golden/. After an
 * intended format change, regenerate them with `npx tsx scripts/write-goldens.ts` and review the
 * diff. (The Word export is checked in docx.test.ts by its XML parts.)
 */
describe('golden exports of the sample article', () => {
  const outputs = goldenOutputs();
  it('covers every golden file', () => {
    expect(Object.keys(outputs).sort()).toEqual(
      ['sample.annotations.jsonld', 'sample.html', 'sample.md', 'sample.project.json', 'sample.quotes.csv', 'sample.quotes.json', 'sample.tei.xml', 'sample.txt'],
    );
  });
  for (const [name, content] of Object.entries(outputs)) {
    it(`matches fixtures/golden/${name}`, () => {
      const golden = readFileSync(new URL(`../../../fixtures/golden/${name}`, import.meta.url), 'utf8');
      expect(content).toBe(golden);
    });
  }
  it('is deterministic', () => {
    expect(goldenOutputs()).toEqual(outputs);
  });
});
