/**
 * Making a problem's fix: the flagged text (read as the checks read it, a filled gap as its
 * fill) becomes the suggestion, in one transaction that touches only what differs.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { checkLeafText, checkTextBetween } from './block-text.ts';
import type { PlacedProblem } from './lint-plugin.ts';

/**
 * Replaces [from, to) with `replacement`, changing only the characters that differ (so marks and
 * the cursor around the rest survive). One transaction, so one undo step. The range is read as
 * the checks read it (a filled gap is its fill): a change inside one gap's fill sets that fill.
 * Null when the change would cross a gap (or touch an empty one).
 */
export function applyReplacement(state: EditorState, from: number, to: number, replacement: string): Transaction | null {
  const current = checkTextBetween(state.doc, from, to);
  let start = 0;
  while (start < current.length && start < replacement.length && current[start] === replacement[start]) start++;
  let end = 0;
  while (end < current.length - start && end < replacement.length - start && current[current.length - 1 - end] === replacement[replacement.length - 1 - end]) end++;
  const insert = replacement.slice(start, replacement.length - end);
  const changeFrom = start;
  const changeTo = current.length - end;
  // The gaps in the range, in check-text offsets.
  const gaps: { at: number; length: number; pos: number; node: Node }[] = [];
  let offset = 0;
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isBlock) return true;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + node.nodeSize);
    if (node.isText) offset += b - a;
    else {
      const leaf = checkLeafText(node);
      if (node.type.name === 'gap') gaps.push({ at: offset, length: leaf.length, pos, node });
      offset += leaf.length;
    }
    return false;
  });
  const tr = state.tr;
  const inside = gaps.find((g) => g.node.attrs.fill !== '' && changeFrom >= g.at && changeTo <= g.at + g.length);
  const crossed = gaps.filter((g) => changeFrom < g.at + g.length && changeTo > g.at);
  if (inside) {
    const fill = inside.node.attrs.fill as string;
    const next = fill.slice(0, changeFrom - inside.at) + insert + fill.slice(changeTo - inside.at);
    if (next === '') return null; // a fix does not empty a gap
    tr.replaceWith(inside.pos, inside.pos + 1, inside.node.type.create({ ...inside.node.attrs, fill: next }, null, inside.node.marks));
    return tr;
  }
  if (crossed.length > 0) return null;
  // A check-text offset outside every gap, as a document position.
  const toPos = (textOffset: number) => {
    let pos = from + textOffset;
    for (const g of gaps) if (g.at + g.length <= textOffset) pos -= g.length - 1;
    return pos;
  };
  const a = toPos(changeFrom);
  const b = toPos(changeTo);
  if (insert) tr.insertText(insert, a, b);
  else tr.delete(a, b);
  return tr;
}

/**
 * Applies one of `problem`'s suggestions where the problem is now: `replacement` stands for the
 * flagged text; in a gap's fill, the fill is set (see applyReplacement).
 */
export function applySuggestion(state: EditorState, problem: Pick<PlacedProblem, 'from' | 'to' | 'text' | 'span' | 'offset'>, replacement: string): Transaction | null {
  const whole = problem.span.slice(0, problem.offset) + replacement + problem.span.slice(problem.offset + problem.text.length);
  return applyReplacement(state, problem.from, problem.to, whole);
}
