/**
 * The proofreading engine interface, and the adapter that turns Harper's lints into Problems.
 *
 * Harper (harper.js, WebAssembly) is loaded elsewhere: in a Web Worker by engine-worker.ts, in
 * Node by harper-node.ts. This module only needs an object with the few Linter methods below,
 * so it runs the same in both places and in tests with a stand-in.
 *
 * What the adapter does to Harper's output:
 * - lints each paragraph on its own with `language: 'plaintext'` (`__` gaps would be Markdown
 *   emphasis otherwise) and `dedup: false` (with dedup, long-sentence lints swallow the spelling
 *   lints inside them), and caches the result per paragraph text;
 * - hands Harper the text with gaps (`__`, U+FFFC) as U+FFFC, which it skips, so nothing is
 *   reported about a word that is not written yet ("a __ apple");
 * - places spans in UTF-16 indices (JavaScript): harper.js 2.10 reports UTF-16 indices although
 *   Harper is documented to count code points, so both readings are checked (see `resolveSpan`);
 * - names every problem after its Harper rule ('SpellCheck', 'AnA', 'OxfordComma', …) and maps
 *   Harper's lint kinds to our categories;
 * - drops spelling-like lints (every rule in the spelling category) for words in the article
 *   dictionary (names, user words, possessives).
 *   The words are not imported into Harper (`importWords`): filtering afterwards keeps the
 *   paragraph cache valid when the dictionary changes (a new name typed elsewhere), and an
 *   imported "Lukashenka’s" (curly apostrophe) was still flagged;
 * - switches off the rules listed in `NEWS_STYLE_OFF_RULES` (wrong or noisy for news copy) and
 *   `LOCAL_DUPLICATE_RULES` (the local rules do the same with fewer false alarms), unless the
 *   options list them in `enabledRules`, and the rules in `disabledRules` (by default the Oxford
 *   comma rule: news style omits it).
 */
import type { EnglishDialect, Problem, ProblemCategory, ProofOptions, Suggestion } from './types.ts';
import { isEnabled, resolveOptions } from './types.ts';
import { dictionaryLookup } from './dictionary.ts';
import { codePointToUtf16, gapRanges, hasAstral, isAllCaps, overlapsAny } from './text.ts';

/** Anything that proofreads paragraphs: Harper in a worker, Harper in Node, a test stand-in. */
export interface ProofEngine {
  /** Problems in `paragraphs` (problem.paragraph = index in the array). */
  lint(paragraphs: readonly string[], options?: Partial<ProofOptions>): Promise<Problem[]>;
}

/** One paragraph to check and its index in the article. */
export interface ParagraphItem {
  index: number;
  text: string;
}

/** The parts of a Harper `Span` the adapter reads. */
export interface HarperSpanLike {
  start: number;
  end: number;
  free?(): void;
}

/** The parts of a Harper `Suggestion` the adapter reads (kind: 0 replace, 1 remove, 2 insert after). */
export interface HarperSuggestionLike {
  get_replacement_text(): string;
  kind(): number;
  free?(): void;
}

/** The parts of a Harper `Lint` the adapter reads. */
export interface HarperLintLike {
  span(): HarperSpanLike;
  /** The text Harper flagged (used to tell which unit its span counts in). */
  get_problem_text?(): string;
  lint_kind(): string;
  message(): string;
  suggestions(): HarperSuggestionLike[];
  free?(): void;
}

/** The parts of a Harper `Linter` (e.g. `LocalLinter`) the adapter uses. */
export interface HarperLinterLike {
  organizedLints(text: string, options?: { language?: 'plaintext' | 'markdown' | 'typst'; dedup?: boolean }): Promise<Record<string, HarperLintLike[]>>;
  getDefaultLintConfig(): Promise<Record<string, boolean | null>>;
  setLintConfig(config: Record<string, boolean | null>): Promise<void>;
  /** Harper's `Dialect` enum: 0 American, 1 British, 2 Australian, 3 Canadian, 4 Indian. Resets the rule configuration. */
  setDialect(dialect: number): Promise<void>;
}

/** Harper's `Dialect` number for each English. */
export const HARPER_DIALECTS: Record<EnglishDialect, number> = { american: 0, british: 1, australian: 2, canadian: 3, indian: 4 };

/**
 * Harper rules that are wrong or too noisy for edited news copy, off unless `enabledRules` asks
 * for them. Found by running Harper over the sample article and the development set
 * (fixtures/proofread-devset, scored by scripts/score-proofread.ts):
 */
export const NEWS_STYLE_OFF_RULES: readonly string[] = [
  // Nags about every sentence over ~40 words; long news sentences are an editing choice, not an error.
  'LongSentences',
  // Merges two-word nouns: "front line" → "frontline", against AP/Guardian style and most news copy.
  'CompoundNouns',
  // Wants a verb where the noun is right: "pickup trucks" → "pick up trucks".
  'PhrasalVerbAsCompoundNoun',
  // Title case for headings: news headlines are usually in sentence case (and plaintext has no headings).
  'UseTitleCase',
  // Joins a "prefix" to the next word, but in news copy the "prefix" is mostly a preposition:
  // "a row over pay" → "overpay", "work is under way" → "underway", "out back" → "outback".
  'DisjointPrefixes',
  // Wants en dashes in number ranges, but news style (AP) hyphenates scores, votes and ranges: "won 2-1", "passed 52-48".
  'NumericRangeEnDash',
  // Crashed Harper when switched on (see the design notes); it is off by default anyway.
  'BoringWords',
];

/** Harper rules the local rules already cover (with cross-paragraph quotation handling and a curly-quote check). */
export const LOCAL_DUPLICATE_RULES: readonly string[] = ['RepeatedWords', 'Spaces', 'UnclosedQuotes'];

/** Rules never switched on, whatever the options say: they crash the engine. */
const UNSAFE_RULES = new Set(['BoringWords']);

/** Our category for each Harper lint kind. */
const KIND_CATEGORY: Record<string, ProblemCategory> = {
  Spelling: 'spelling',
  Typo: 'spelling',
  BoundaryError: 'spelling',
  Agreement: 'grammar',
  Grammar: 'grammar',
  Usage: 'grammar',
  WordOrder: 'grammar',
  Malapropism: 'grammar',
  Eggcorn: 'grammar',
  Nonstandard: 'grammar',
  Capitalization: 'grammar',
  Punctuation: 'punctuation',
  Formatting: 'punctuation',
  Repetition: 'repetition',
  Redundancy: 'style',
  Readability: 'style',
  Style: 'style',
  Enhancement: 'style',
  WordChoice: 'style',
  Regionalism: 'style',
  Miscellaneous: 'style',
};

/** Rules whose category is clearer than their kind's. */
const RULE_CATEGORY: Record<string, ProblemCategory> = {
  AnA: 'grammar',
  SpellCheck: 'spelling',
  Spaces: 'spacing',
  NoFrenchSpaces: 'spacing',
  UnclosedQuotes: 'quotes',
  QuoteSpacing: 'quotes',
  RepeatedWords: 'repetition',
};

/** Our category of a Harper lint. */
export function categoryFor(rule: string, kind: string): ProblemCategory {
  return RULE_CATEGORY[rule] ?? KIND_CATEGORY[kind] ?? 'style';
}

/** The Harper rule configuration for `options`, starting from Harper's defaults. */
export function buildLintConfig(defaults: Record<string, boolean | null>, options: Partial<ProofOptions> = {}): Record<string, boolean | null> {
  const resolved = resolveOptions(options);
  const config: Record<string, boolean | null> = { ...defaults };
  const enabled = new Set(resolved.enabledRules ?? []);
  for (const rule of [...NEWS_STYLE_OFF_RULES, ...LOCAL_DUPLICATE_RULES]) if (rule in config && !enabled.has(rule)) config[rule] = false;
  for (const rule of enabled) if (rule in config && !UNSAFE_RULES.has(rule)) config[rule] = true;
  for (const rule of resolved.disabledRules) if (rule in config) config[rule] = false;
  for (const rule of UNSAFE_RULES) if (rule in config) config[rule] = false;
  return config;
}

/** Harper's messages quote words in `backticks`; show them in curly quotes. */
export function cleanMessage(message: string): string {
  return message.replace(/`([^`]*)`/g, '“$1”').replace(/\s+/g, ' ').trim();
}

/** `replacement` cased like `original` when Harper upper-cased a one-letter word ("A" → "AN" becomes "An"). */
function fixCase(original: string, replacement: string): string {
  if (original.length === 1 && replacement.length > 1 && isAllCaps(replacement) && isAllCaps(original)) {
    return replacement.charAt(0) + replacement.slice(1).toLowerCase();
  }
  return replacement;
}

/** A problem before it is placed in a paragraph. */
type RawProblem = Omit<Problem, 'paragraph'>;

/**
 * The UTF-16 span of a lint on `text`, given Harper's `start` and `end` and the text Harper says
 * it flagged. Harper is documented (and was observed in earlier versions) to count Unicode code
 * points, but harper.js 2.10 reports UTF-16 indices: "He said 😀😀 that teh" has "teh" at 18–21,
 * its UTF-16 index, not 16–19. Both only differ after an astral character (an emoji, 𝐀, 𠀀), and
 * then the reading whose slice equals the flagged text wins (UTF-16 when neither or both do).
 */
export function resolveSpan(text: string, start: number, end: number, problemText?: string, toUtf16?: (cp: number) => number): [number, number] {
  if (!hasAstral(text) || problemText === undefined || text.slice(start, end) === problemText) return [start, end];
  const map = toUtf16 ?? codePointToUtf16(text);
  const [s, e] = [map(start), map(end)];
  return text.slice(s, e) === problemText ? [s, e] : [start, end];
}

/**
 * Converts one Harper lint on `text` into a problem (without its paragraph), or null when its
 * span is empty or out of range. `harperText` is the text Harper was given (the same length, gaps
 * masked). Every suggestion becomes a replacement for the whole span.
 */
export function convertLint(lint: HarperLintLike, rule: string, text: string, harperText = text, toUtf16?: (cp: number) => number): RawProblem | null {
  const span = lint.span();
  const problemText = hasAstral(harperText) ? lint.get_problem_text?.() : undefined;
  const [start, end] = resolveSpan(harperText, span.start, span.end, problemText, toUtf16);
  span.free?.();
  if (!(start < end) || end > text.length) return null;
  const original = text.slice(start, end);
  const suggestions: Suggestion[] = [];
  const seen = new Set<string>([original]);
  for (const s of lint.suggestions()) {
    const kind = s.kind();
    const inserted = s.get_replacement_text();
    s.free?.();
    const replacement = fixCase(original, kind === 1 ? '' : kind === 2 ? original + inserted : inserted);
    if (seen.has(replacement)) continue;
    seen.add(replacement);
    const label = kind === 1 ? `Remove “${original}”` : kind === 2 ? `Add “${inserted}”` : replacement;
    suggestions.push({ label, replacement });
  }
  // A lint that flags only white space (CommaFixes' "Don't use a space before a comma") is about
  // spacing, whatever its kind: so it folds into the local spacing rule's problem on the same
  // place, and the Spacing switch hides it.
  const category = original.trim() === '' ? 'spacing' : categoryFor(rule, lint.lint_kind());
  return { start, end, rule, category, message: cleanMessage(lint.message()), suggestions };
}

/** `text` with every gap character (`_` of a `__` run, U+FFFC) as U+FFFC: same length, and Harper skips it. */
export function maskGaps(text: string): string {
  return text.includes('__') ? text.replace(/_{2,}/g, (run) => '\uFFFC'.repeat(run.length)) : text;
}

/**
 * True for a lint the article dictionary silences: any spelling-like lint (Harper's dictionary
 * spell check, but also the rules that would split or join a word it does not know, such as
 * SplitWords' "aproved" → "a proved"), i.e. every lint in the spelling category.
 */
function isSpellingLint(p: RawProblem): boolean {
  return p.category === 'spelling';
}

/** Options of the Harper adapter. */
export interface HarperEngineInit {
  /** How many paragraph texts to remember the lints of (default 2,000). */
  cacheSize?: number;
}

/** The Harper adapter: a `ProofEngine` over a Harper linter. */
export class HarperEngine implements ProofEngine {
  private readonly linter: HarperLinterLike;
  private readonly cacheSize: number;
  private readonly cache = new Map<string, RawProblem[]>();
  private defaults: Record<string, boolean | null> | null = null;
  /** The rule configuration applied to Harper, and the one the cached lints were made with. */
  private appliedKey = '';
  private cacheKey = '';
  /** The dialect Harper was last set to (null: not set yet). */
  private dialect: EnglishDialect | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(linter: HarperLinterLike, init: HarperEngineInit = {}) {
    this.linter = linter;
    this.cacheSize = init.cacheSize ?? 2000;
  }

  /** The names of every Harper rule (for settings screens and reports). */
  async ruleNames(): Promise<string[]> {
    return Object.keys(await this.defaultConfig()).sort();
  }

  /** The Harper rule configuration `lint` applies for `options`, for reports. */
  async currentConfig(options: Partial<ProofOptions> = {}): Promise<Record<string, boolean | null>> {
    return buildLintConfig(await this.defaultConfig(), options);
  }

  /** Forgets the lints of every paragraph text (the next lint asks Harper again). */
  clearCache(): void {
    this.cache.clear();
  }

  lint(paragraphs: readonly string[], options?: Partial<ProofOptions>): Promise<Problem[]> {
    return this.lintItems(
      paragraphs.map((text, index) => ({ index, text })),
      options,
    );
  }

  /** Problems in some paragraphs of an article (problem.paragraph = item.index). Calls run one at a time. */
  lintItems(items: readonly ParagraphItem[], options?: Partial<ProofOptions>): Promise<Problem[]> {
    const run = this.queue.then(() => this.run(items, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async defaultConfig(): Promise<Record<string, boolean | null>> {
    this.defaults ??= await this.linter.getDefaultLintConfig();
    return this.defaults;
  }

  private async run(items: readonly ParagraphItem[], options?: Partial<ProofOptions>): Promise<Problem[]> {
    const resolved = resolveOptions(options);
    const config = buildLintConfig(await this.defaultConfig(), resolved);
    const dialect: EnglishDialect = resolved.dialect && resolved.dialect !== 'auto' ? resolved.dialect : 'american';
    if (dialect !== this.dialect) {
      await this.linter.setDialect(HARPER_DIALECTS[dialect]);
      this.dialect = dialect;
      this.appliedKey = ''; // Harper starts a new dialect from its default rules
    }
    const key = JSON.stringify(config);
    if (key !== this.appliedKey) {
      await this.linter.setLintConfig(config);
      this.appliedKey = key;
    }
    if (key !== this.cacheKey) {
      this.cache.clear(); // cached lints were made with other rules
      this.cacheKey = key;
    }
    const known = dictionaryLookup(resolved.dictionary);
    const problems: Problem[] = [];
    let failures = 0;
    let firstError: unknown = null;
    for (const item of items) {
      let raw: RawProblem[];
      try {
        raw = await this.lintText(item.text, dialect);
      } catch (error) {
        failures++;
        firstError ??= error;
        continue;
      }
      for (const p of raw) {
        if (!isEnabled(p, resolved)) continue;
        if (isSpellingLint(p) && known(item.text.slice(p.start, p.end))) continue;
        problems.push({ paragraph: item.index, ...p, suggestions: p.suggestions.map((s) => ({ ...s })) });
      }
    }
    if (failures > 0 && failures === items.length) throw firstError instanceof Error ? firstError : new Error(String(firstError));
    return problems;
  }

  /** Harper's problems in one paragraph text, from the cache when seen before. */
  private async lintText(text: string, dialect: EnglishDialect): Promise<RawProblem[]> {
    const key = `${dialect}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const raw = text.trim() === '' ? [] : await this.lintUncached(text);
    this.cache.set(key, raw);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return raw;
  }

  private async lintUncached(text: string): Promise<RawProblem[]> {
    const masked = maskGaps(text);
    const organized = await this.linter.organizedLints(masked, { language: 'plaintext', dedup: false });
    const toUtf16 = hasAstral(masked) ? codePointToUtf16(masked) : undefined;
    const gaps = gapRanges(text);
    const out: RawProblem[] = [];
    for (const [rule, lints] of Object.entries(organized)) {
      for (const lint of lints) {
        const p = convertLint(lint, rule, text, masked, toUtf16);
        lint.free?.();
        if (p && !overlapsAny(gaps, p.start, p.end)) out.push(p);
      }
    }
    return out;
  }
}
