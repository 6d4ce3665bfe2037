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
