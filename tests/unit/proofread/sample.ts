/** The sample article as the app splits it: paragraph 0 is the title. */
import { readFileSync } from 'node:fs';
import { layoutText } from '../../../src/editor/layout.ts';

export const sampleText = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');
export const sampleParagraphs: string[] = layoutText(sampleText).blocks.map((b) => b.text);

/** The text a problem points at. */
export const spanText = (paragraphs: readonly string[], p: { paragraph: number; start: number; end: number }) => paragraphs[p.paragraph]!.slice(p.start, p.end);
