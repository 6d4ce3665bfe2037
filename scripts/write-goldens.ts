/**
 * Writes the expected exports of the sample article to fixtures/golden/ (run after an intended
 * change to an export format, then review the diff):
 *
 *   npx tsx scripts/write-goldens.ts
 *
 * The tests in tests/unit/export/golden.test.ts compare every export with these files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { goldenOutputs } from '../tests/helpers/sample-doc.ts';

const dir = new URL('../fixtures/golden/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, content] of Object.entries(goldenOutputs())) {
  writeFileSync(new URL(name, dir), content);
  console.log(`wrote fixtures/golden/${name}`);
}
