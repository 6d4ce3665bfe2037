/**
 * Local proofreading rules: pure functions over one paragraph's text, no engine needed.
 *
 * - `doubled-word`: "the the" (but not "had had", "that that", or names like "Walla Walla");
 * - `doubled-space`: two or more spaces between words;
 * - `space-before-punctuation`: "word ," (not a spaced ellipsis, not ".45");
 * - `straight-quote`: a straight " or ' in an article that otherwise uses curly quotes;
 * - `article-before-number`: "a 8-year-old", "an 2-1 win" (a/an by how the number is read);
 * - the quotation-mark checks of quotes.ts (`unclosed-quote`, `unopened-quote`, `mismatched-quote`).
 *
 * Gaps (`__` runs and U+FFFC) and line breaks are never flagged.
 */
import type { Problem, ProofOptions } from './types.ts';
import { isEnabled, resolveOptions } from './types.ts';
import { checkQuoteMarks, isApostrophe, usesCurlyQuotes } from './quotes.ts';
import { sortProblems } from './merge-problems.ts';
import { gapRanges, isCapitalized, isLetter, isSentenceStart, matchCase, overlapsAny, words } from './text.ts';

/** Rule ids of the local rules. */
export const LOCAL_RULES = {
  doubledWord: 'doubled-word',
  doubledSpace: 'doubled-space',
  spaceBeforePunctuation: 'space-before-punctuation',
  straightQuote: 'straight-quote',
  articleBeforeNumber: 'article-before-number',
} as const;

/** Words that are correctly written twice in a row ("he had had enough", "she said that that was"). */
const LEGITIMATE_DOUBLES = new Set(['had', 'that', 'is', 'do', 'does', 'bye', 'ha', 'ho', 'no', 'yes', 'very', 'there', 'tut', 'knock', 'chop', 'pom', 'boo', 'la', 'hush', 'blah', 'yada', 'so']);

const INTER_WORD_SPACE = /^[ \u00A0]+$/;

/** A word written twice in a row: "the the". The suggestion keeps the first. */
export function findDoubledWords(text: string, paragraph: number): Problem[] {
  const problems: Problem[] = [];
  const tokens = words(text);
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!;
    const b = tokens[k]!;
    if (a.text.toLowerCase() !== b.text.toLowerCase()) continue;
    if (!INTER_WORD_SPACE.test(text.slice(a.end, b.start))) continue;
    if (LEGITIMATE_DOUBLES.has(b.text.toLowerCase())) continue;
    if (isCapitalized(b.text)) continue; // "Walla Walla", "Sirhan Sirhan", "Duran Duran"
    problems.push({
      paragraph,
      start: a.start,
      end: b.end,
      rule: LOCAL_RULES.doubledWord,
      category: 'repetition',
      message: `The word “${b.text}” is repeated`,
      suggestions: [{ label: `Remove the second “${b.text}”`, replacement: a.text }],
    });
  }
  return problems;
}

const DOUBLE_SPACE = /(?<=\S)[ \u00A0]{2,}(?=\S)/gu;

/** Two or more spaces between words (and not at a line's start or end). */
export function findDoubledSpaces(text: string, paragraph: number): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(DOUBLE_SPACE)) {
    problems.push({
      paragraph,
      start: m.index,
      end: m.index + m[0].length,
      rule: LOCAL_RULES.doubledSpace,
      category: 'spacing',
      message: `${m[0].length} spaces where there should be one`,
      suggestions: [{ label: 'Use one space', replacement: ' ' }],
    });
  }
  return problems;
}

const SPACE_BEFORE = /[ \u00A0]+([,;:!?.])/gu;
/** What may follow the punctuation mark for the space before it to be a slip. */
const AFTER_MARK = /^(?:$|[\s"'”’»)\]…,;:!?])/u;
/** Characters before the space that make it intended: a gap, an opening bracket or quote, a dash. */
const INTENDED_BEFORE = /[\s_\uFFFC([{“‘„«‹"'\u2014\u2013-]/u;

/** A space before , ; : ! ? or . ("word ," → "word,"); not a spaced ellipsis or ".45". */
export function findSpacesBeforePunctuation(text: string, paragraph: number): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(SPACE_BEFORE)) {
    const start = m.index;
    const mark = m[1]!;
    const markAt = start + m[0].length - 1;
    if (start === 0 || INTENDED_BEFORE.test(text.charAt(start - 1))) continue;
    const after = text.slice(markAt + 1);
    if (!AFTER_MARK.test(after)) continue; // ".45", ".com", "?!" handled below
    if (mark === '.') {
      // Spaced ellipsis ". . ." and the end of an ellipsis.
      if (/^ ?\./.test(after) || text.charAt(start - 1) === '.') continue;
    }
    problems.push({
      paragraph,
      start,
      end: markAt + 1,
      rule: LOCAL_RULES.spaceBeforePunctuation,
      category: 'spacing',
      message: `Space before “${mark}”`,
      suggestions: [{ label: `Remove the space before “${mark}”`, replacement: mark }],
    });
  }
  return problems;
}

/** Characters after which a straight quotation mark opens. */
const OPENING_CONTEXT = /[\s([{\u2014\u2013/“‘-]/u;
const DIGIT = /\p{N}/u;

/** Straight " and ' in an article that uses curly quotes, with the curly mark each should be. */
export function findStraightQuotes(text: string, paragraph: number): Problem[] {
  const problems: Problem[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== '"' && ch !== "'") continue;
    const prev = text.charAt(i - 1);
    const next = text.charAt(i + 1);
    if (DIGIT.test(prev)) continue; // 5'10": primes, not quotation marks
    const opening = prev === '' || OPENING_CONTEXT.test(prev);
    let suggestions: Problem['suggestions'];
    let message: string;
    if (ch === '"') {
      const mark = opening ? '“' : '”';
      message = 'Straight quotation mark in an article that uses curly quotes';
      suggestions = [{ label: `Use ${mark}`, replacement: mark }];
    } else if (isApostrophe(text, i) || !opening || (isLetter(prev) && !isLetter(next))) {
      message = isLetter(prev) && isLetter(next) ? 'Straight apostrophe in an article that uses curly quotes' : 'Straight quotation mark or apostrophe in an article that uses curly quotes';
      suggestions = [{ label: 'Use ’', replacement: '’' }];
    } else {
      message = 'Straight quotation mark or apostrophe in an article that uses curly quotes';
      suggestions = [
        { label: 'Use ‘ (opening quote)', replacement: '‘' },
        { label: 'Use ’ (apostrophe)', replacement: '’' },
      ];
    }
    problems.push({ paragraph, start: i, end: i + 1, rule: LOCAL_RULES.straightQuote, category: 'quotes', message, suggestions });
  }
  return problems;
}

/** True when a number written in figures is read starting with a vowel sound: 8, 11, 18, 80–89, 800–899, 8,000, 18,000, 1800s. */
export function numberTakesAn(digits: string): boolean {
  const plain = digits.replace(/[.,]\d*$/u, '');
  let lead: string;
  if (digits.includes(',')) lead = digits.slice(0, digits.indexOf(','));
  else if (plain.length === 4) return plain.startsWith('8') || plain.startsWith('11') || plain.startsWith('18'); // 8,000 / 1100 / 1800s
  else lead = plain.length <= 3 ? plain : plain.slice(0, plain.length % 3 || 3);
  const n = Number(lead);
  return lead.startsWith('8') || n === 11 || n === 18;
}

const ARTICLE_BEFORE_NUMBER = /(?<![\p{L}\p{N}’'_-])(a|an|A|An)([ \u00A0]+)([$£€]?)(\d[\d,]*(?:\.\d+)?)/gu;

/** "a 8-year-old", "an 2-1 win": the article must follow the number's sound (Harper leaves numbers alone). */
export function findArticleBeforeNumber(text: string, paragraph: number): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(ARTICLE_BEFORE_NUMBER)) {
    const article = m[1]!;
    if (isCapitalized(article) && !isSentenceStart(text, m.index)) continue; // "Plan A 8", "Section A 11"
    const number = m[4]!.replace(/,$/, '');
    const wanted = numberTakesAn(number) ? 'an' : 'a';
    if (article.toLowerCase() === wanted) continue;
    const replacement = matchCase(article, wanted);
    problems.push({
      paragraph,
      start: m.index,
      end: m.index + article.length,
      rule: LOCAL_RULES.articleBeforeNumber,
      category: 'grammar',
      message: `Use “${wanted}” before ${m[3]}${number}`,
      suggestions: [{ label: replacement, replacement }],
    });
  }
  return problems;
}

/** Options of the local rules. */
export interface LocalRuleOptions extends Partial<ProofOptions> {
  /** Whether the article uses curly quotes (straight ones are then flagged); detected when left out. */
  curlyQuotes?: boolean;
}

/** The local rules that look at one paragraph at a time. */
export function checkParagraph(text: string, paragraph: number, curlyQuotes: boolean): Problem[] {
  const problems = [
    ...findDoubledWords(text, paragraph),
    ...findDoubledSpaces(text, paragraph),
    ...findSpacesBeforePunctuation(text, paragraph),
    ...findArticleBeforeNumber(text, paragraph),
  ];
  if (curlyQuotes) problems.push(...findStraightQuotes(text, paragraph));
  return problems;
}

/**
 * Runs every local rule on every paragraph (the quotation-mark checks look across paragraph
 * boundaries) and returns the problems of the enabled rules and categories, sorted by position.
 * Never reports a span that overlaps a gap.
 */
export function checkParagraphs(paragraphs: readonly string[], options?: LocalRuleOptions): Problem[] {
  const resolved = resolveOptions(options);
  const curly = options?.curlyQuotes ?? usesCurlyQuotes(paragraphs);
  const problems: Problem[] = [];
  paragraphs.forEach((text, paragraph) => problems.push(...checkParagraph(text, paragraph, curly)));
  problems.push(...checkQuoteMarks(paragraphs));
  const gaps = paragraphs.map(gapRanges);
  return sortProblems(problems.filter((p) => isEnabled(p, resolved) && !overlapsAny(gaps[p.paragraph] ?? [], p.start, p.end)));
}
