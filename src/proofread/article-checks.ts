/**
 * The checks that need no engine, over a whole article: the local rules, name consistency, and
 * what the spelling engine must be told about the article (the names it uses, so they are not
 * reported as misspellings, and which English it is written in). Pure and synchronous: the app
 * runs it in the analysis worker, the command line in-process (check-article.ts).
 */
import { checkNameConsistency } from './consistency.ts';
import { detectDialect } from './dialect.ts';
import { buildArticleDictionary } from './dictionary.ts';
import { checkParagraphs, type LocalRuleOptions } from './rules.ts';
import type { EnglishDialect, Problem } from './types.ts';
import { isEnabled, resolveOptions } from './types.ts';

/** What `runArticleChecks` found, and the engine's inputs. Plain data (it crosses a worker boundary). */
export interface ArticleChecks {
  local: Problem[];
  consistency: Problem[];
  /** Names used in the article, the user's words and their possessives: not misspellings. */
  dictionary: string[];
  /** The article's English (options.dialect, or detected from its spelling). */
  dialect: EnglishDialect;
}

/** Runs the engine-free checks over `paragraphs` (`paragraphs[0]` is the title). */
export function runArticleChecks(paragraphs: readonly string[], options?: LocalRuleOptions): ArticleChecks {
  const resolved = resolveOptions(options);
  return {
    local: checkParagraphs(paragraphs, options),
    consistency: checkNameConsistency(paragraphs).filter((p) => isEnabled(p, resolved)),
    dictionary: buildArticleDictionary(paragraphs, resolved.dictionary),
    dialect: !resolved.dialect || resolved.dialect === 'auto' ? detectDialect(paragraphs) : resolved.dialect,
  };
}
