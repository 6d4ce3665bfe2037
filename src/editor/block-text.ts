/**
 * The text of each block as the checks see it: one character per document position, so an
 * offset in the text is an offset in the block (`pos = block.pos + offset`). Text is itself, a
 * gap is U+FFFC, a hard break is '\n'. Texts are cached per block node: after a keystroke only
 * the edited paragraph's text is rebuilt.
 */
import type { Node } from 'prosemirror-model';

/** The object replacement character that stands for a gap in block texts. */
export const GAP_CHAR = '\uFFFC';

export interface BlockText {
  /** Document position of the block's first content position. */
  pos: number;
  text: string;
}

const cache = new WeakMap<Node, string>();

function leafText(leaf: Node): string {
  return leaf.type.name === 'hard_break' ? '\n' : GAP_CHAR;
}

/** The text of one block (cached per node). */
export function textOfBlock(block: Node): string {
  let text = cache.get(block);
  if (text === undefined) {
    text = block.textBetween(0, block.content.size, undefined, leafText);
    cache.set(block, text);
  }
  return text;
}

/** The text of every block, with its position. */
export function blockTexts(doc: Node): BlockText[] {
  const blocks: BlockText[] = [];
  doc.forEach((block, offset) => blocks.push({ pos: offset + 1, text: textOfBlock(block) }));
  return blocks;
}
