/**
 * The shapes shared by every proofreading check: problems, suggestions and options.
 *
 * Offsets are JavaScript (UTF-16) indices into one paragraph's text, end exclusive. Paragraph 0 is
 * the title. A paragraph may contain single `\n` line breaks, `__` runs (empty gaps in the raw
 * text) and U+FFFC (a gap in the editor); no check ever flags those.
 */

/** The kinds of problems, as the UI groups them and the user switches them off. */
export type ProblemCategory = 'spelling' | 'grammar' | 'style' | 'punctuation' | 'consistency' | 'quotes' | 'spacing' | 'repetition';

/** Every category, in the order a panel lists them. */
export const PROBLEM_CATEGORIES: readonly ProblemCategory[] = ['consistency', 'spelling', 'grammar', 'punctuation', 'quotes', 'spacing', 'repetition', 'style'];

/** One way to fix a problem: `replacement` is the new text for the problem's `[start, end)`. */
export interface Suggestion {
  label: string;
  replacement: string;
}

/** One problem found in the text. */
export interface Problem {
  /** Index of the paragraph (0 = title). */
  paragraph: number;
  /** UTF-16 offset of the first flagged character in the paragraph. */
  start: number;
  /** UTF-16 offset just after the last flagged character. */
  end: number;
  /** The rule that found it: a local rule id ('doubled-word', 'name-consistency', …) or a Harper rule name ('SpellCheck', 'AnA', 'OxfordComma', …). */
  rule: string;
  category: ProblemCategory;
  message: string;
  suggestions: Suggestion[];
}

/** The English a spelling engine checks against. */
export type EnglishDialect = 'american' | 'british' | 'australian' | 'canadian' | 'indian';

/** What the user chose to check, and the words the article's dictionary accepts. */
export interface ProofOptions {
  /** Rules switched off, by rule id (local ids or Harper rule names). */
  disabledRules: readonly string[];
  /** Categories switched off. */
  disabledCategories: readonly ProblemCategory[];
  /** Words accepted as correctly spelled (user-added words; `checkArticle` adds the article's names). */
  dictionary: readonly string[];
  /**
   * Engine rules that Galley switches off for news copy (see `NEWS_STYLE_OFF_RULES` in engine.ts)
   * but the user wants back on.
   */
  enabledRules?: readonly string[];
  /**
   * The English to spell-check against. `checkArticle` reads 'auto' (its default) as the
   * article's own spelling (see dialect.ts); an engine given 'auto' or nothing uses American.
   */
  dialect?: EnglishDialect | 'auto';
}

/** House style: the Oxford comma rule is off (news style omits it); the user may switch it on. */
export const DEFAULT_DISABLED_RULES: readonly string[] = ['OxfordComma'];

/** The options used when the caller gives none. */
export const DEFAULT_PROOF_OPTIONS: ProofOptions = {
  disabledRules: DEFAULT_DISABLED_RULES,
  disabledCategories: [],
  dictionary: [],
};

/** Fills the options the caller left out with the defaults. */
export function resolveOptions(options?: Partial<ProofOptions> | null): ProofOptions {
  return {
    disabledRules: options?.disabledRules ?? DEFAULT_PROOF_OPTIONS.disabledRules,
    disabledCategories: options?.disabledCategories ?? DEFAULT_PROOF_OPTIONS.disabledCategories,
    dictionary: options?.dictionary ?? DEFAULT_PROOF_OPTIONS.dictionary,
    enabledRules: options?.enabledRules ?? [],
    dialect: options?.dialect ?? 'auto',
  };
}

/** True when the options let `problem` through (its rule and its category are enabled). */
export function isEnabled(problem: Pick<Problem, 'rule' | 'category'>, options: Pick<ProofOptions, 'disabledRules' | 'disabledCategories'>): boolean {
  return !options.disabledRules.includes(problem.rule) && !options.disabledCategories.includes(problem.category);
}
