/**
 * The proofreading part of `npm run analyze`: the checks of src/proofread when that module is
 * present (it is loaded by path, so the command works while it is being built), else none.
 */
export interface CliProblem {
  paragraph: number;
  start: number;
  end: number;
  rule: string;
  message: string;
  suggestions: { replacement: string }[];
}

export async function analyzeProblems(paragraphs: string[]): Promise<CliProblem[]> {
  const path = '../src/proofread/check-article.ts';
  try {
    const module = (await import(/* @vite-ignore */ path)) as { checkArticleInNode?: (p: string[]) => Promise<CliProblem[]> };
    return module.checkArticleInNode ? await module.checkArticleInNode(paragraphs) : [];
  } catch {
    return [];
  }
}
