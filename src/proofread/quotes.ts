/**
 * Quotation-mark health: unclosed, unopened and mismatched quotation marks, and whether an article
 * uses curly quotes at all.
 *
 * Pairs understood: “…” (English), „…“ and „…” (German, Polish), «…» (French), »…« (German,
 * Danish), ‘…’ and ‚…‘ (single), ‹…› and ›…‹, and straight "…". A ’ is usually an apostrophe
 * (don’t, Lukashenka’s, the soldiers’ boots, ’90s), so it only ever closes an open single quote
 * and is never reported on its own; straight ' is never treated as a quotation mark. In news copy
 * a quotation may run over several paragraphs: the paragraph is left open and the next one starts
 * with an opening mark. So a quote left open at the end of a paragraph is fine when the next
 * paragraph starts with an opening mark, unless it is a partial quotation opened in the middle
 * of a sentence (`had been “painful but unavoidable.`), which never runs on.
 */
import type { Problem } from './types.ts';
import { isLetter } from './text.ts';

/** Rule ids of this module. */
export const QUOTE_RULES = { unclosed: 'unclosed-quote', unopened: 'unopened-quote', mismatched: 'mismatched-quote' } as const;

interface Open {
  mark: string;
  index: number;
}

/** Marks that may open a quotation at the very start of a paragraph (a continued quotation). */
const OPENERS = new Set(['“', '„', '«', '»', '"', '‘', '‚', '‹', '›']);
const DOUBLE_OPENERS = new Set(['“', '„', '«', '»', '"']);

/** The closing mark that matches an opening mark, for suggestions. */
const CLOSER_OF: Record<string, string> = { '“': '”', '„': '“', '«': '»', '»': '«', '"': '"', '‘': '’', '‚': '‘', '‹': '›', '›': '‹' };

const DIGIT = /\p{N}/u;
const SPACE = /\s/u;
/** Characters after which a straight " opens a quotation. */
const OPEN_CONTEXT = /[\s([{\u2014\u2013/-]/u;

/** True when the paragraph starts (after spaces) with an opening quotation mark. */
export function startsWithOpeningMark(text: string | undefined): boolean {
  if (text === undefined) return false;
  const first = text.trimStart().charAt(0);
  return OPENERS.has(first);
}

/** Contractions and possessives that may follow a ’ with no letter before it (a gap, a digit: "__’s", "1990’s"). */
const APOSTROPHE_SUFFIX = /^(?:s|d|ll|ve|re|m|t)(?![\p{L}\p{M}])/u;

/** True when the ’ (or ') at `i` is an apostrophe, not a quotation mark. */
export function isApostrophe(text: string, i: number): boolean {
  const prev = text.charAt(i - 1);
  const next = text.charAt(i + 1);
  if (isLetter(prev) && isLetter(next)) return true; // don’t, O’Brien, Lukashenka’s
  if (DIGIT.test(next)) return true; // ’90s
  if (APOSTROPHE_SUFFIX.test(text.slice(i + 1)) && prev !== '' && !SPACE.test(prev)) return true; // __’s, 1990’s
  if ((prev === '' || SPACE.test(prev)) && isLetter(next) && /^(?:em|n|tis|twas|cause|til)(?![\p{L}\p{M}])/u.test(text.slice(i + 1))) return true; // ’em, rock ’n’ roll
  return false;
}

function quoteProblem(paragraph: number, index: number, rule: string, message: string, suggestions: Problem['suggestions'] = []): Problem {
  return { paragraph, start: index, end: index + 1, rule, category: 'quotes', message, suggestions };
}

/** Reports on the quotation marks of one paragraph; `continues` says whether the next paragraph opens with a quotation mark. */
function checkParagraphQuotes(text: string, paragraph: number, continues: boolean): Problem[] {
  const problems: Problem[] = [];
  const stack: Open[] = [];
  const top = () => stack[stack.length - 1]?.mark;
  const unclosed = (open: Open) =>
    problems.push(quoteProblem(paragraph, open.index, QUOTE_RULES.unclosed, `Quotation mark ${open.mark} is never closed`));
  /** Closes the innermost open quotation that `closer` can close, if any; reports single quotes left open inside it. */
  const closeDouble = (index: number, closer: string, accepts: (mark: string) => boolean): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const open = stack[k]!;
      if (accepts(open.mark)) {
        for (const inner of stack.splice(k)) if (inner !== open) unclosed(inner);
        return true;
      }
      if (DOUBLE_OPENERS.has(open.mark)) {
        // The innermost open double quotation is of another kind: a mismatch.
        const expected = CLOSER_OF[open.mark]!;
        problems.push(
          quoteProblem(paragraph, index, QUOTE_RULES.mismatched, `Closing ${closer} does not match the opening ${open.mark}`, [{ label: `Use ${expected}`, replacement: expected }]),
        );
        for (const inner of stack.splice(k)) if (inner !== open) unclosed(inner);
        return true;
      }
    }
    return false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const prev = text.charAt(i - 1);
    const next = text.charAt(i + 1);
    switch (ch) {
      case '“':
        if (top() === '„') stack.pop(); // „…“
        else stack.push({ mark: ch, index: i });
        break;
      case '„':
        stack.push({ mark: ch, index: i });
        break;
      case '”':
        if (!closeDouble(i, ch, (m) => m === '“' || m === '„' || m === '"')) {
          problems.push(quoteProblem(paragraph, i, QUOTE_RULES.unopened, 'Closing ” with no opening quotation mark'));
        }
        break;
      case '«':
      case '‹': {
        const reversed = ch === '«' ? '»' : '›';
        if (stack.some((o) => o.mark === reversed)) closeDouble(i, ch, (m) => m === reversed);
        else stack.push({ mark: ch, index: i });
        break;
      }
      case '»':
      case '›': {
        const opener = ch === '»' ? '«' : '‹';
        if (stack.some((o) => o.mark === opener)) closeDouble(i, ch, (m) => m === opener);
        else if (isLetter(next) || DIGIT.test(next) || OPENERS.has(next)) stack.push({ mark: ch, index: i }); // »Hallo«
        else if (!closeDouble(i, ch, () => false)) problems.push(quoteProblem(paragraph, i, QUOTE_RULES.unopened, `Closing ${ch} with no opening quotation mark`));
        break;
      }
      case '"': {
        if (DIGIT.test(prev)) break; // 5'10": a measurement, not a quotation
        if (top() === '"') {
          stack.pop(); // straight quotation marks do not nest: this one closes
          break;
        }
        const opening = prev === '' || OPEN_CONTEXT.test(prev) || OPENERS.has(prev);
        if (opening) stack.push({ mark: ch, index: i });
        else if (!closeDouble(i, ch, (m) => m === '“' || m === '„' || m === '"')) {
          problems.push(quoteProblem(paragraph, i, QUOTE_RULES.unopened, 'Closing " with no opening quotation mark'));
        }
        break;
      }
      case '‘':
        if (top() === '‚') stack.pop(); // ‚…‘
        else if (DIGIT.test(next) || !(isLetter(next) || DIGIT.test(next) || OPENERS.has(next) || next === '…')) {
          // ‘90s (an apostrophe turned the wrong way) or a stray mark: not a quotation.
        } else stack.push({ mark: ch, index: i });
        break;
      case '‚':
        if (isLetter(next)) stack.push({ mark: ch, index: i });
        break;
      case '’':
        if (isApostrophe(text, i)) break;
        if (top() === '‘' || top() === '‚') stack.pop();
        break;
      default:
        break;
    }
  }
  for (const open of stack) if (!(continues && opensFullQuotation(text, open.index))) unclosed(open);
  return problems;
}

/**
 * True when the mark at `index` opens a quotation of whole sentences (at the paragraph start, or
 * after punctuation: `said: “…`, `he said, “…`, `… today. “…`), the kind that may run on into
 * the next paragraph; a partial quotation inside a sentence (`had been “painful but…`) may not.
 */
export function opensFullQuotation(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /\s/u.test(text.charAt(i))) i--;
  if (i < 0) return true;
  const before = text.charAt(i);
  return /[,:;.!?…\u2014\u2013-]/u.test(before) || OPENERS.has(before);
}

/**
 * Unclosed, unopened and mismatched quotation marks in every paragraph. Takes all paragraphs
 * because a quotation left open at a paragraph's end is fine when the next paragraph starts with
 * an opening mark (a quotation running over several paragraphs).
 */
export function checkQuoteMarks(paragraphs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  paragraphs.forEach((text, paragraph) => {
    problems.push(...checkParagraphQuotes(text, paragraph, startsWithOpeningMark(paragraphs[paragraph + 1])));
  });
  return problems;
}

/**
 * True when the article uses curly (typographic) quotation marks and apostrophes at least as
 * often as straight ones, so that a straight mark is a slip.
 */
export function usesCurlyQuotes(paragraphs: readonly string[]): boolean {
  let curly = 0;
  let straight = 0;
  for (const text of paragraphs) {
    for (const ch of text) {
      if (ch === '“' || ch === '”' || ch === '‘' || ch === '’') curly++;
      else if (ch === '"' || ch === "'") straight++;
    }
  }
  return curly > 0 && curly >= straight;
}
