/**
 * The plain-text layout of an article: how raw text splits into blocks.
 *
 * The first block is the title; blocks are separated by one or more blank lines (lines holding
 * only spaces, tabs or carriage returns count as blank); a single newline stays inside its block.
 * Each block remembers the exact separator before it and the text remembers what trails the last
 * block and whether it used CRLF line endings, so the layout can be turned back into the very same
 * text. This module is pure and shared by the editor's parser and the command-line analyzer.
 */

/** One block of text: its content, the separator before it, and where the content starts. */
export interface TextBlock {
  /** The blank-line run before this block ('' for the first block). */
  before: string;
  /** The block's text, which may contain single newlines. */
  text: string;
  /** Offset of `text` in the raw input, as a JavaScript string index. */
  start: number;
}

/** How a raw text splits into blocks, and everything needed to put it back together. */
export interface TextLayout {
  eol: '\n' | '\r\n';
  blocks: TextBlock[];
  trailing: string;
}

const SEPARATOR = /\n(?:[ \t\r]*\n)+/g;
const TRAILING = /\n[ \t\r\n]*$/;
const LONE_LF = /(?:^|[^\r])\n/;

/** True when every line break in `raw` is CRLF (and there is at least one). */
function usesCrlf(raw: string): boolean {
  return raw.includes('\r\n') && !LONE_LF.test(raw);
}

/** Splits raw article text into blocks. `joinLayout(layoutText(t)) === t` for every string `t`. */
export function layoutText(raw: string): TextLayout {
  const eol = usesCrlf(raw) ? '\r\n' : '\n';
  const text = eol === '\r\n' ? raw.replaceAll('\r\n', '\n') : raw;
  // Offsets in `text` map back to `raw` by adding one for every newline before them (CRLF only).
  const toRaw = eol === '\r\n' ? crlfOffsetMapper(text) : (offset: number) => offset;
  const trailingMatch = TRAILING.exec(text);
  const trailing = trailingMatch ? trailingMatch[0] : '';
  const body = text.slice(0, text.length - trailing.length);
  const blocks: TextBlock[] = [];
  let before = '';
  let last = 0;
  for (const match of body.matchAll(SEPARATOR)) {
    blocks.push({ before, text: body.slice(last, match.index), start: toRaw(last) });
    before = match[0];
    last = match.index + match[0].length;
  }
  blocks.push({ before, text: body.slice(last), start: toRaw(last) });
  return { eol, blocks, trailing };
}

/** Puts a layout back together into the text it came from. */
export function joinLayout(layout: TextLayout): string {
  let text = '';
  for (const block of layout.blocks) text += block.before + block.text;
  text += layout.trailing;
  return layout.eol === '\r\n' ? text.replaceAll('\n', '\r\n') : text;
}

function crlfOffsetMapper(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
}

/** A run of two or more underscores standing alone (not inside a word) is a gap left to fill. */
export const GAP_PATTERN = /(?<![\p{L}\p{N}_])_{2,}(?![\p{L}\p{N}_])/gu;
