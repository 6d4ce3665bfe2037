/**
 * Every difference between the article as loaded and as it is now, with positions in both
 * documents, so the view can show each change and revert it alone.
 *
 * Blocks are aligned first (an edit usually touches few paragraphs); each run of differing
 * blocks is then diffed word by word, on texts joined with a paragraph separator so that split
 * and joined paragraphs are changes like any other. Gaps are one character in these texts on both
 * sides, so a gap fill is not a text change: fills are listed as their own kind.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Mark, Node, Slice } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { blockTexts, GAP_CHAR, type BlockText } from './block-text.ts';
import { REVERT_META } from './changes-plugin.ts';
import { findGaps, setGapFill } from './gaps.ts';

export type ChangeKind = 'insert' | 'delete' | 'replace' | 'fill';

export interface DocChange {
  /** Stable within one computation: kind + positions. */
  id: string;
  kind: ChangeKind;
  /** Range in the current document (from === to for a deletion). */
  from: number;
  to: number;
  /** Range in the original document. */
  originalFrom: number;
  originalTo: number;
  /** Text before and after (gaps shown as `__` or their fill). */
  before: string;
  after: string;
  /** Index of the current block the change starts in (0 = title). */
  block: number;
  /** For a fill: the gap id. */
  gapId?: string;
}

const SEP = '\n\u2029\n';

interface Joined {
  text: string;
  /** Start offset of each block in `text`. */
  starts: number[];
  blocks: BlockText[];
}

function join(blocks: BlockText[]): Joined {
  const starts: number[] = [];
  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) text += SEP;
    starts.push(text.length);
    text += block.text;
  });
  return { text, starts, blocks };
}

/** Document position of an offset in a joined text (an offset inside a separator maps to the end of the block before). */
function posAt(joined: Joined, offset: number): number {
  let i = joined.starts.length - 1;
  while (i > 0 && joined.starts[i]! > offset) i--;
  const block = joined.blocks[i]!;
  const local = Math.min(offset - joined.starts[i]!, block.text.length);
  return block.pos + local;
}

function readable(text: string): string {
  return text.replaceAll(SEP, '\n\n').replaceAll(GAP_CHAR, '__');
}

/** The changes that turn `original` into `current`, in document order. */
export function computeDocChanges(original: Node, current: Node): DocChange[] {
  const oldBlocks = blockTexts(original);
  const newBlocks = blockTexts(current);
  const changes: DocChange[] = [];
  const hunks = diffArrays(
    oldBlocks.map((b) => b.text),
    newBlocks.map((b) => b.text),
  );
  let oi = 0;
  let ni = 0;
  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h]!;
    if (!hunk.added && !hunk.removed) {
      oi += hunk.count;
      ni += hunk.count;
      continue;
    }
    // Gather one run of removed and/or added blocks.
    let removed = 0;
    let added = 0;
    while (h < hunks.length && (hunks[h]!.added || hunks[h]!.removed)) {
      if (hunks[h]!.removed) removed += hunks[h]!.count;
      else added += hunks[h]!.count;
      h++;
    }
    h--;
    diffRun(changes, oldBlocks.slice(oi, oi + removed), newBlocks.slice(ni, ni + added), oldBlocks, newBlocks, oi, ni);
    oi += removed;
    ni += added;
  }
  for (const gap of findGaps(current)) {
    if (gap.fill === '') continue;
    const block = blockIndexAt(newBlocks, gap.pos);
    changes.push({ id: `fill:${gap.id}`, kind: 'fill', from: gap.pos, to: gap.pos + 1, originalFrom: -1, originalTo: -1, before: gap.marker, after: gap.fill, block, gapId: gap.id });
  }
  return changes.sort((a, b) => a.from - b.from || a.to - b.to);
}

function blockIndexAt(blocks: readonly BlockText[], pos: number): number {
  let i = blocks.length - 1;
  while (i > 0 && blocks[i]!.pos > pos) i--;
  return i;
}

function diffRun(
  out: DocChange[],
  oldRun: BlockText[],
  newRun: BlockText[],
  oldAll: readonly BlockText[],
  newAll: readonly BlockText[],
  oi: number,
  ni: number,
): void {
  const endOf = (block: BlockText) => block.pos + block.text.length;
  if (oldRun.length === 0 || newRun.length === 0) {
    // Whole paragraphs added or removed: the change runs from the end of the block before.
    const newPrev = endOf(newAll[ni - 1]!);
    const oldPrev = endOf(oldAll[oi - 1]!);
    const from = newPrev;
    const to = newRun.length ? endOf(newRun[newRun.length - 1]!) : newPrev;
    const originalTo = oldRun.length ? endOf(oldRun[oldRun.length - 1]!) : oldPrev;
    const kind: ChangeKind = newRun.length ? 'insert' : 'delete';
    out.push({
      id: `${kind}:${from}:${to}:${oldPrev}`,
      kind,
      from,
      to,
      originalFrom: oldPrev,
      originalTo,
      before: readable(oldRun.map((b) => SEP + b.text).join('')),
      after: readable(newRun.map((b) => SEP + b.text).join('')),
      block: blockIndexAt(newAll, from),
    });
    return;
  }
  const a = join(oldRun);
  const b = join(newRun);
  const oldText = a.text;
  const newText = b.text;
  let oPos = 0;
  let nPos = 0;
  const parts = mergeAcrossSpaces(diffWordsWithSpace(oldText, newText));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      oPos += part.value.length;
      nPos += part.value.length;
      continue;
    }
    let before = '';
    let after = '';
    const oStart = oPos;
    const nStart = nPos;
    while (i < parts.length && (parts[i]!.added || parts[i]!.removed)) {
      if (parts[i]!.removed) {
        before += parts[i]!.value;
        oPos += parts[i]!.value.length;
      } else {
        after += parts[i]!.value;
        nPos += parts[i]!.value.length;
      }
      i++;
    }
    i--;
    // "__ " → "tens of " reads as "__" → "tens of": drop a shared trailing space.
    let trim = 0;
    while (trim < Math.min(before.length, after.length) && /\s/.test(before[before.length - 1 - trim]!) && before[before.length - 1 - trim] === after[after.length - 1 - trim]) trim++;
    if (trim === before.length || trim === after.length) trim = 0;
    before = before.slice(0, before.length - trim);
    after = after.slice(0, after.length - trim);
    const from = posAt(b, nStart);
    const to = posAt(b, nPos - trim);
    const originalFrom = posAt(a, oStart);
    const originalTo = posAt(a, oPos - trim);
    const kind: ChangeKind = before && after ? 'replace' : after ? 'insert' : 'delete';
    out.push({
      id: `${kind}:${from}:${to}:${originalFrom}`,
      kind,
      from,
      to,
      originalFrom,
      originalTo,
      before: readable(before),
      after: readable(after),
      block: blockIndexAt(newAll, from),
    });
  }
}

type Part = { value: string; added?: boolean; removed?: boolean };

/** Joins two changes separated by a single space ("tens" + " " + "of") into one, as a reader sees it. */
function mergeAcrossSpaces(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const prev = out[out.length - 1];
    const next = parts[i + 1];
    const changed = (p: Part | undefined) => !!p && (p.added || p.removed);
    if (!changed(part) && /^[ \t]$/.test(part.value) && changed(prev) && changed(next)) {
      out.push({ value: part.value, removed: true }, { value: part.value, added: true });
      continue;
    }
    out.push(part);
  }
  return out;
}

/** Transaction meta set by revertChange (the changes view recomputes at once). */

/** Reverts one change: the current range gets the original content back (one undo step). */
export function revertChange(change: DocChange, original: Node): Command {
  return (state, dispatch, view) => {
    if (change.kind === 'fill') {
      return change.gapId ? setGapFill(change.gapId, '')(state, dispatch && ((tr) => dispatch(tr.setMeta(REVERT_META, true))), view) : false;
    }
    if (change.to > state.doc.content.size || change.originalTo > original.content.size) return false;
    const slice: Slice = original.slice(change.originalFrom, change.originalTo);
    if (dispatch) {
      const tr = state.tr.replaceRange(change.from, change.to, slice);
      // Text restored inside a quote is part of that quote again (the original has no quote marks).
      const quote = enclosingQuote(state.doc, change.from, change.to);
      if (quote) tr.addMark(tr.mapping.map(change.from, -1), tr.mapping.map(change.to, 1), quote);
      dispatch(tr.setMeta(REVERT_META, true).scrollIntoView());
    }
    return true;
  };
}

/**
 * The quote mark `from`…`to` sits in: the same quote on the text either side of it, or, when the
 * range is not empty, over all of its text. Null when the range is not inside one quote.
 */
function enclosingQuote(doc: Node, from: number, to: number): Mark | null {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.sameParent($to) || !$from.parent.inlineContent) return null;
  const quoteOf = (node: Node | null | undefined) => node?.marks.find((m) => m.type.name === 'quote') ?? null;
  const before = quoteOf($from.nodeBefore);
  const after = quoteOf($to.nodeAfter);
  if (before && after && before.eq(after)) return before;
  if (from === to) return null;
  let inside: Mark | null | undefined;
  doc.nodesBetween(from, to, (node) => {
    if (!node.isInline) return true;
    const mark = quoteOf(node);
    if (inside === undefined) inside = mark;
    else if (!mark || !inside || !mark.eq(inside)) inside = null;
    return false;
  });
  return inside ?? null;
}
