/**
 * Quote-mark scanning: which characters of a paragraph are opening or closing quote marks.
 *
 * Design notes: a mark's role comes from its shape where the shape tells (“ opens, ” closes,
 * « opens, » closes, „ opens) and from its neighbours where it does not (a straight " opens at the
 * paragraph start or after whitespace or an opening bracket or dash, otherwise it closes). An
 * apostrophe between two letters (don’t, Lukashenko’s) or a leading ’ before s, d, ll, ve, re, m, t
 * is never a mark. Curly marks typed the wrong way round are repaired by the same neighbour test.
 * The scan is one pass over the string.
 */

export type MarkFamily = 'double' | 'single';
export type MarkRole = 'open' | 'close';
/** The visual pairing: “” (and „“), «», "", ‘’ and ''. */
export type MarkStyle = 'curly' | 'low' | 'guillemet' | 'straight' | 'single-curly' | 'single-straight' | 'single-guillemet';

export interface QuoteMark {
  index: number;
  char: string;
  family: MarkFamily;
  role: MarkRole;
  style: MarkStyle;
  /** A closing single mark right after an s ("soldiers’ ") may be a plural possessive. */
  maybeApostrophe: boolean;
}

const DOUBLE_CHARS = new Set(['“', '”', '„', '«', '»', '"', '‟', '″']);
const SINGLE_CHARS = new Set(['‘', '’', "'", '‹', '›', '‚', '‛']);
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/“‘„«‹"']/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** True when `char` is any quote mark (double or single) this module knows. */
export function isQuoteChar(char: string): boolean {
  return DOUBLE_CHARS.has(char) || SINGLE_CHARS.has(char);
}

/** True when `text` has at least one double quote mark (then single marks are only nested quotes). */
export function hasDoubleMarks(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (DOUBLE_CHARS.has(text[i]!)) return true;
  return false;
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/u.test(char) || char === '\uFFFC';
}

/** Context-based role for marks whose shape does not say: open after space/bracket/dash, else close. */
function roleByContext(before: string | undefined, after: string | undefined): MarkRole {
  if (before === undefined || OPENING_CONTEXT.test(before)) {
    // "…" at a word end followed by space is a close even after a dash, e.g. `—"`
    if (after === undefined || /\s/u.test(after)) return before === undefined ? 'open' : 'close';
    return 'open';
  }
  return 'close';
}

/** An apostrophe rather than a single quote mark at `i` in `text`. */
function isApostrophe(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (before !== undefined && after !== undefined && LETTER_OR_DIGIT.test(before) && LETTER.test(after)) return true;
  // ’s ’d ’ll ’ve ’re ’m ’t after a letter, digit or closing mark, or elided years (’90s) after a space
  const rest = text.slice(i + 1, i + 4);
  if (before !== undefined && /[\p{L}\p{N}”’"']/u.test(before) && /^(s|d|ll|ve|re|m|t)(?![\p{L}])/u.test(rest)) return true;
  if ((before === undefined || /\s/u.test(before)) && after !== undefined && /\p{N}/u.test(after)) return true;
  // ’em, ’n’ (both marks of rock ’n’ roll)
  if ((before === undefined || /\s/u.test(before)) && /^(em|n[’']|cause|til)(?![\p{L}])/u.test(rest + text.slice(i + 4, i + 7))) return true;
  if (before === 'n' && /[’']/u.test(text[i - 2] ?? '') && /\s/u.test(text[i - 3] ?? ' ')) return true;
  return false;
}

/**
 * The quote marks of one paragraph in order, with the role each plays. Apostrophes are left out.
 * Runs in one pass over `text`.
 */
export function scanMarks(text: string): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (!DOUBLE_CHARS.has(char) && !SINGLE_CHARS.has(char)) continue;
    const before = i > 0 ? text[i - 1] : undefined;
    const after = i + 1 < text.length ? text[i + 1] : undefined;
    const push = (family: MarkFamily, role: MarkRole, style: MarkStyle, maybeApostrophe = false) =>
      marks.push({ index: i, char, family, role, style, maybeApostrophe });
    switch (char) {
      case '“':
      case '‟':
        // a German closer („…“) or a mistyped closer: after a non-space and before a space/punctuation/end
        push('double', before !== undefined && !isSpace(before) && !OPENING_CONTEXT.test(before) && (after === undefined || /[\s.,;:!?)\]]/u.test(after)) ? 'close' : 'open', 'curly');
        break;
      case '”':
      case '″':
        push('double', (before === undefined || /\s/u.test(before)) && after !== undefined && !isSpace(after) ? 'open' : 'close', 'curly');
        break;
      case '„':
        push('double', 'open', 'low');
        break;
      case '«':
        push('double', 'open', 'guillemet');
        break;
      case '»':
        push('double', 'close', 'guillemet');
        break;
      case '"':
        push('double', roleByContext(before, after), 'straight');
        break;
      case '‹':
        push('single', 'open', 'single-guillemet');
        break;
      case '›':
        push('single', 'close', 'single-guillemet');
        break;
      case '‚':
        push('single', 'open', 'single-curly');
        break;
      case '‘':
      case '‛':
        if (isApostrophe(text, i)) break;
        push('single', before !== undefined && !isSpace(before) && !OPENING_CONTEXT.test(before) && (after === undefined || /[\s.,;:!?)\]]/u.test(after)) ? 'close' : 'open', 'single-curly');
        break;
      case '’':
      case "'": {
        if (isApostrophe(text, i)) break;
        const role = char === '’' ? ((before === undefined || /\s/u.test(before)) && after !== undefined && !isSpace(after) ? 'open' : 'close') : roleByContext(before, after);
        push('single', role, char === '’' ? 'single-curly' : 'single-straight', role === 'close' && (before === 's' || before === 'S'));
        break;
      }
    }
  }
  return marks;
}

/** Whether the closing `close` mark can end a quote opened by `open`. */
export function closes(open: QuoteMark, close: QuoteMark): boolean {
  if (open.family !== close.family || close.role !== 'close') return false;
  switch (open.style) {
    case 'guillemet':
      return close.style === 'guillemet';
    case 'single-guillemet':
      return close.style === 'single-guillemet';
    case 'low':
      return close.char === '“' || close.char === '”' || close.char === '"';
    case 'curly':
    case 'straight':
      return close.style === 'curly' || close.style === 'straight';
    default:
      return close.style === 'single-curly' || close.style === 'single-straight';
  }
}

/** Whether `mark` opens a quote of the same kind as `open` (so `open` was never closed). */
export function reopens(open: QuoteMark, mark: QuoteMark): boolean {
  if (mark.role !== 'open' || mark.family !== open.family) return false;
  if (open.style === 'guillemet' || mark.style === 'guillemet') return open.style === mark.style;
  return true;
}
