/**
 * Document → text. The inverse of parse.ts: blocks are joined with the separators recorded at
 * import, gaps are written as their fill (or their original marker while empty), and the line
 * ending style is restored.
 */
import type { Node } from 'prosemirror-model';
import { joinLayout, type TextBlock } from './layout.ts';

/** The text of one block: gaps become their fill (or marker when empty), hard breaks newlines. */
export function blockText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) text += child.text ?? '';
    else if (child.type.name === 'gap') text += (child.attrs.fill as string) || (child.attrs.marker as string);
    else if (child.type.name === 'hard_break') text += '\n';
  });
  return text;
}

/** The corrected article as plain text, in the layout it was imported with. */
export function docToText(doc: Node): string {
  const blocks: TextBlock[] = [];
  doc.forEach((block) => blocks.push({ before: block.attrs.before as string, text: blockText(block), start: 0 }));
  return joinLayout({ eol: doc.attrs.eol as '\n' | '\r\n', blocks, trailing: doc.attrs.trailing as string });
}
