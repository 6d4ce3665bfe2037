/**
 * The text of each block as the checks see it: one character per document position, so an
 * offset in the text is an offset in the block (`pos = block.pos + offset`). Text is itself, a
 * gap is U+FFFC, a hard break is '\n'. Texts are built when a check or a quote analysis runs
 * (a moment after typing stops) and not kept: a cache per block would hold a second copy of the
 * whole article for as long as it is open (0.8 MB at 100 times the sample), to save the
 * millisecond it takes to build them all again.
 */
import type { Node } from 'prosemirror-model';

/** The object replacement character that stands for a gap in block texts. */
export const GAP_CHAR = '\uFFFC';

export interface BlockText {
  /** Document position of the block's first content position. */
  pos: number;
  text: string;
}

function leafText(leaf: Node): string {
  return leaf.type.name === 'hard_break' ? '\n' : GAP_CHAR;
}

/** The text of one block. */
export function textOfBlock(block: Node): string {
  return block.textBetween(0, block.content.size, undefined, leafText);
}

/** The text of every block, with its position. */
export function blockTexts(doc: Node): BlockText[] {
  const blocks: BlockText[] = [];
  doc.forEach((block, offset) => blocks.push({ pos: offset + 1, text: textOfBlock(block) }));
  return blocks;
}

/** A filled gap in a block's check text: where its fill is in the text, and the gap's position. */
export interface FillSpan {
  /** Offset of the fill's first character in the block's check text. */
  at: number;
  length: number;
  /** Document position of the gap node. */
  pos: number;
}

/**
 * A block's text as the proofreading checks see it: like `BlockText`, except that a filled gap
 * is its fill (an empty gap stays U+FFFC), so the words the editor adds are checked in context.
 * `fills` says where each fill is, to place the problems found in or around it.
 */
export interface CheckBlock extends BlockText {
  fills: FillSpan[];
}

/** How a gap reads to the checks: its fill, or U+FFFC while empty. */
export function checkLeafText(leaf: Node): string {
  if (leaf.type.name === 'hard_break') return '\n';
  const fill = leaf.type.name === 'gap' ? (leaf.attrs.fill as string) : '';
  return fill ? fill : GAP_CHAR;
}

/** The text of `[from, to)` (inside one block) as the checks see it (see `CheckBlock`). */
export function checkTextBetween(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, '\n', checkLeafText);
}

/** The check text of every block (see `CheckBlock`), with its position and its fills. */
export function checkTexts(doc: Node): CheckBlock[] {
  const blocks: CheckBlock[] = [];
  doc.forEach((block, offset) => {
    const pos = offset + 1;
    const fills: FillSpan[] = [];
    let text = '';
    block.forEach((child, childOffset) => {
      if (child.isText) {
        text += child.text ?? '';
        return;
      }
      const leaf = checkLeafText(child);
      if (child.type.name === 'gap' && leaf !== GAP_CHAR) fills.push({ at: text.length, length: leaf.length, pos: pos + childOffset });
      text += leaf;
    });
    blocks.push({ pos, text, fills });
  });
  return blocks;
}

/** Where a span of a block's check text is in the document. */
export interface PlacedSpan {
  /** Document range covered: a span in or touching a fill covers its whole gap. */
  from: number;
  to: number;
  /** The covered range in check-text offsets (`[start, end)` widened to whole fills). */
  textFrom: number;
  textTo: number;
}

/** Places `[start, end)` of `block`'s check text in the document (start < end). */
export function placeSpan(block: CheckBlock, start: number, end: number): PlacedSpan {
  let from = -1;
  let to = -1;
  let textFrom = start;
  let textTo = end;
  let shift = 0; // check-text characters minus document positions, before the offset looked at
  for (const fill of block.fills) {
    const fillEnd = fill.at + fill.length;
    if (from < 0) {
      if (start < fill.at) from = block.pos + start - shift;
      else if (start < fillEnd) {
        from = fill.pos;
        textFrom = fill.at;
      }
    }
    if (to < 0) {
      if (end <= fill.at) to = block.pos + end - shift;
      else if (end <= fillEnd) {
        to = fill.pos + 1;
        textTo = fillEnd;
      }
    }
    shift += fill.length - 1;
  }
  if (from < 0) from = block.pos + start - shift;
  if (to < 0) to = block.pos + end - shift;
  return { from, to, textFrom, textTo };
}
