/** The proofreading part of `npm run analyze`: the app's checks, with the offline engine. */
import { checkArticle } from '../src/proofread/check-article.ts';
import { sharedHarperNode } from '../src/proofread/harper-node.ts';
import type { Problem } from '../src/proofread/types.ts';

export async function analyzeProblems(paragraphs: string[]): Promise<Problem[]> {
  let engine = null;
  try {
    engine = (await sharedHarperNode()).engine;
  } catch (error) {
    console.error(`spelling engine unavailable (${error instanceof Error ? error.message : String(error)}); local checks only`);
  }
  return checkArticle(paragraphs, engine);
}
