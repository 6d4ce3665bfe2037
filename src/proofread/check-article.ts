/**
 * The whole proofreading pass over an article, in one place: the engine-free checks
 * (article-checks.ts), the engine when there is one, and the merge (merge-problems.ts) into one
 * sorted list without duplicates. The command line and the tests use it as it is; the app runs
 * the same three steps with the engine-free checks in the analysis worker and the engine in its
 * own (app/proof-checker.ts).
 */
import { runArticleChecks } from './article-checks.ts';
import type { ProofEngine } from './engine.ts';
import { combineChecks } from './merge-problems.ts';
import type { LocalRuleOptions } from './rules.ts';
import type { Problem } from './types.ts';
import { resolveOptions } from './types.ts';

export { mergeProblems } from './merge-problems.ts';

/** Options of `checkArticle`: what to check, the user's words, and (optionally) the quote style. */
export type CheckArticleOptions = LocalRuleOptions;

/**
 * Proofreads an article. `paragraphs[0]` is the title. The engine (Harper in a worker or in Node)
 * is optional: without it only the local rules and the consistency check run. The engine gets
 * the article dictionary (names used consistently, the user's words, possessives) so it does not
 * report names as misspellings, and the article's English (options.dialect, or detected from its
 * spelling when 'auto' or left out).
 */
export async function checkArticle(paragraphs: readonly string[], engine: ProofEngine | null, options?: CheckArticleOptions): Promise<Problem[]> {
  const checks = runArticleChecks(paragraphs, options);
  const fromEngine = engine ? await engine.lint(paragraphs, { ...resolveOptions(options), dictionary: checks.dictionary, dialect: checks.dialect }) : [];
  return combineChecks(paragraphs, checks, fromEngine, options);
}
