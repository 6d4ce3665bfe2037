/**
 * The corrections an editor made: the differences between the article as it arrived (the
 * original text) and as it will be published (the corrected text), word by word.
 *
 * Design notes. Both texts are split into blocks at blank lines (the article layout: title, then
 * paragraphs). Paragraphs nearly always map one to one, so the blocks are aligned first with an
 * array diff, which is cheap even for 400 KB articles, and only the blocks that differ are diffed
 * word by word (`diffWordsWithSpace`, which keeps whitespace as tokens so offsets stay exact).
 * The alignment treats two blocks as the same paragraph when they are equal or *similar* (more
 * than half of their words shared, by the Dice coefficient), so an edited paragraph stays paired
 * with its original while paragraphs added or removed around it show as whole insertions or
 * deletions. Every block owns a *region* of its text: the separator before it plus its own text,
 * so regions tile the whole text and a change to a separator (a paragraph split or joined, a
 * blank line added) is a change like any other. A run of unpaired blocks is diffed as one region
 * (one for one when the counts match). Before diffing, a region is trimmed of its common prefix and suffix
 * (cut at whitespace boundaries so no word is split), and the word diff is bounded by
 * `maxEditLength`: a region too different to diff cheaply becomes one `replace`.
 *
 * The raw diff is then shaped the way a reader sees edits: a deletion followed by an insertion is
 * one `replace`; two changes separated only by a space are one change ("He said" → "She told"),
 * except that a gap marker (`__`) is never merged with other original text, so that the
 * replacement of a gap marker stays its own `fill`; whitespace shared by both sides of a change
 * is left out of it.
 *
 * Pure: imports nothing of ours; runs in the browser, a worker or Node.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';

/** A range of one of the two texts, with the text it covers. Offsets are JavaScript string indexes. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** What kind of correction a change is. `fill` is a gap marker (`__`) replaced by text. */
export type ChangeKind = 'insert' | 'delete' | 'replace' | 'fill';

/** One correction: a range of the original text and the range of the corrected text that replaced it. */
export interface Change {
  kind: ChangeKind;
  /** The range of the original text (empty for an insertion). */
  original: TextSpan;
  /** The range of the corrected text (empty for a deletion). */
  corrected: TextSpan;
  /** Index of the corrected-text block the change is in (0 = title, 1 = first paragraph). */
  block: number;
}

/** Tuning for `computeChanges`. */
export interface ChangeOptions {
  /**
   * The most edits (in word tokens) a region's word diff may need before it gives up and reports
   * the region as one replacement. Bounds the time spent on texts that differ completely.
   * Default 2000.
   */
  maxEditLength?: number;
}

/** A block of text: where its region starts (its separator), and where its own text starts and ends. */
export interface DiffBlock {
  regionStart: number;
  start: number;
  end: number;
  text: string;
  /** The block's distinct words, lowercased (computed when first needed). */
  words?: Set<string>;
}

const SEPARATOR = /\r?\n(?:[ \t\r]*\n)+/g;
const GAP_MARKER = /^_{2,}$/;
const HORIZONTAL_SPACE = /^[ \t]+$/;
const WHITESPACE = /\s/;

/** Splits a text into blocks at runs of blank lines. The last block runs to the end of the text. */
export function splitBlocks(text: string): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  let regionStart = 0;
  let start = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    blocks.push({ regionStart, start, end: match.index, text: text.slice(start, match.index) });
    regionStart = match.index;
    start = match.index + match[0].length;
  }
  blocks.push({ regionStart, start, end: text.length, text: text.slice(start) });
  return blocks;
}

/**
 * The corrections that turn `originalText` into `correctedText`, in text order. Applying every
 * change to the original gives the corrected text (see `applyChanges`), and the ranges of the
 * changes never overlap.
 */
export function computeChanges(originalText: string, correctedText: string, options: ChangeOptions = {}): Change[] {
  if (originalText === correctedText) return [];
  const maxEditLength = options.maxEditLength ?? 2000;
  const oldBlocks = splitBlocks(originalText);
  const newBlocks = splitBlocks(correctedText);
  const raw: RawChange[] = [];
  const region = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) =>
    diffRegion(originalText, oldFrom, oldTo, correctedText, newFrom, newTo, maxEditLength, raw);

  const hunks = diffArrays(oldBlocks, newBlocks, { comparator: similarBlocks });
  let oi = 0;
  let ni = 0;
  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h]!;
    if (!hunk.added && !hunk.removed) {
      // Paired blocks: equal or similar, and their separators may differ.
      for (let k = 0; k < hunk.count; k++, oi++, ni++) {
        const o = oldBlocks[oi]!;
        const n = newBlocks[ni]!;
        if (o.text !== n.text) region(o.regionStart, o.end, n.regionStart, n.end);
        else if (originalText.slice(o.regionStart, o.start) !== correctedText.slice(n.regionStart, n.start)) {
          region(o.regionStart, o.start, n.regionStart, n.start);
        }
      }
      continue;
    }
    let removed = 0;
    let added = 0;
    for (; h < hunks.length && (hunks[h]!.added || hunks[h]!.removed); h++) {
      if (hunks[h]!.removed) removed += hunks[h]!.count;
      else added += hunks[h]!.count;
    }
    h--;
    if (removed === added) {
      // Rewritten paragraphs, one for one.
      for (let k = 0; k < removed; k++) {
        const o = oldBlocks[oi + k]!;
        const n = newBlocks[ni + k]!;
        region(o.regionStart, o.end, n.regionStart, n.end);
      }
    } else {
      // Paragraphs added, removed, split or joined: one region for the whole run.
      const oldFrom = removed ? oldBlocks[oi]!.regionStart : oi > 0 ? oldBlocks[oi - 1]!.end : 0;
      const oldTo = removed ? oldBlocks[oi + removed - 1]!.end : oldFrom;
      const newFrom = added ? newBlocks[ni]!.regionStart : ni > 0 ? newBlocks[ni - 1]!.end : 0;
      const newTo = added ? newBlocks[ni + added - 1]!.end : newFrom;
      region(oldFrom, oldTo, newFrom, newTo);
    }
    oi += removed;
    ni += added;
  }

  const merged = mergeTouching(raw)
    .map((change) => trimCommon(change, originalText, correctedText))
    .filter((c) => c.oldStart !== c.oldEnd || c.newStart !== c.newEnd);
  return merged.map((change) => finish(change, originalText, correctedText, newBlocks));
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(block: DiffBlock): Set<string> {
  block.words ??= new Set(block.text.toLowerCase().match(WORD) ?? []);
  return block.words;
}

/** Equal, or sharing more than half of their words (Dice coefficient over distinct words). */
function similarBlocks(a: DiffBlock, b: DiffBlock): boolean {
  if (a.text === b.text) return true;
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.size === 0 || y.size === 0) return false;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (x.size + y.size) > 0.5;
}

/** A change before it is given its kind and block. */
interface RawChange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return WHITESPACE.test(text[i - 1]!) !== WHITESPACE.test(text[i]!);
}

/** Diffs one region of both texts word by word and appends its changes to `out`. */
function diffRegion(
  a: string,
  aFrom: number,
  aTo: number,
  b: string,
  bFrom: number,
  bTo: number,
  maxEditLength: number,
  out: RawChange[],
): void {
  // Common prefix and suffix, cut back to a token boundary in both texts.
  let p = 0;
  const maxP = Math.min(aTo - aFrom, bTo - bFrom);
  while (p < maxP && a.charCodeAt(aFrom + p) === b.charCodeAt(bFrom + p)) p++;
  while (p > 0 && !(isBoundary(a, aFrom + p) && isBoundary(b, bFrom + p))) p--;
  let s = 0;
  const maxS = maxP - p;
  while (s < maxS && a.charCodeAt(aTo - 1 - s) === b.charCodeAt(bTo - 1 - s)) s++;
  while (s > 0 && !(isBoundary(a, aTo - s) && isBoundary(b, bTo - s))) s--;
  const oldFrom = aFrom + p;
  const oldTo = aTo - s;
  const newFrom = bFrom + p;
  const newTo = bTo - s;
  if (oldFrom === oldTo && newFrom === newTo) return;
  if (oldFrom === oldTo || newFrom === newTo) {
    out.push(...shape([{ oldStart: oldFrom, oldEnd: oldTo, newStart: newFrom, newEnd: newTo }], [], a, b));
    return;
  }
  const parts = diffWordsWithSpace(a.slice(oldFrom, oldTo), b.slice(newFrom, newTo), { maxEditLength });
  if (!parts) {
    out.push({ oldStart: oldFrom, oldEnd: oldTo, newStart: newFrom, newEnd: newTo });
    return;
  }
  // Group consecutive removed/added parts into changes; remember the equal part between changes.
  const changes: RawChange[] = [];
  const between: string[] = [];
  let o = oldFrom;
  let n = newFrom;
  let pendingEqual: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      o += part.value.length;
      n += part.value.length;
      pendingEqual = part.value;
      continue;
    }
    const change: RawChange = { oldStart: o, oldEnd: o, newStart: n, newEnd: n };
    for (; i < parts.length && (parts[i]!.added || parts[i]!.removed); i++) {
      if (parts[i]!.removed) o += parts[i]!.value.length;
      else n += parts[i]!.value.length;
    }
    i--;
    change.oldEnd = o;
    change.newEnd = n;
    if (changes.length > 0) between.push(pendingEqual ?? '');
    changes.push(change);
    pendingEqual = null;
  }
  out.push(...shape(changes, between, a, b));
}

/**
 * Merges changes separated by a single run of spaces (never a gap marker with other original
 * text), then trims whitespace both sides of a change share.
 */
function shape(changes: RawChange[], between: string[], a: string, b: string): RawChange[] {
  const merged: RawChange[] = [];
  changes.forEach((change, i) => {
    const prev = merged[merged.length - 1];
    const gapBetween = i > 0 ? between[i - 1]! : '';
    if (prev && HORIZONTAL_SPACE.test(gapBetween) && mayMerge(prev, change, a)) {
      prev.oldEnd = change.oldEnd;
      prev.newEnd = change.newEnd;
    } else {
      merged.push({ ...change });
    }
  });
  return merged.map((change) => trimShared(change, a, b)).filter((c) => c.oldStart !== c.oldEnd || c.newStart !== c.newEnd);
}

function mayMerge(first: RawChange, second: RawChange, a: string): boolean {
  const firstOld = a.slice(first.oldStart, first.oldEnd);
  const secondOld = a.slice(second.oldStart, second.oldEnd);
  if (firstOld === '' || secondOld === '') return true;
  return !GAP_MARKER.test(firstOld) && !GAP_MARKER.test(secondOld);
}

function trimShared(change: RawChange, a: string, b: string): RawChange {
  let { oldStart, oldEnd, newStart, newEnd } = change;
  while (oldEnd > oldStart && newEnd > newStart && a[oldEnd - 1] === b[newEnd - 1] && WHITESPACE.test(a[oldEnd - 1]!)) {
    oldEnd--;
    newEnd--;
  }
  while (oldEnd > oldStart && newEnd > newStart && a[oldStart] === b[newStart] && WHITESPACE.test(a[oldStart]!)) {
    oldStart++;
    newStart++;
  }
  return { oldStart, oldEnd, newStart, newEnd };
}

/**
 * Leaves out of a change the text both sides start or end with, cut at a token boundary (after
 * merging, "\n\nTwo." → " Two." is really "\n\n" → " ").
 */
function trimCommon(change: RawChange, a: string, b: string): RawChange {
  const { oldStart, newStart } = change;
  let { oldEnd, newEnd } = change;
  let s = 0;
  const max = Math.min(oldEnd - oldStart, newEnd - newStart);
  while (s < max && a.charCodeAt(oldEnd - 1 - s) === b.charCodeAt(newEnd - 1 - s)) s++;
  while (s > 0 && !(isBoundary(a, oldEnd - s) && isBoundary(b, newEnd - s))) s--;
  oldEnd -= s;
  newEnd -= s;
  let p = 0;
  const maxP = Math.min(oldEnd - oldStart, newEnd - newStart);
  while (p < maxP && a.charCodeAt(oldStart + p) === b.charCodeAt(newStart + p)) p++;
  while (p > 0 && !(isBoundary(a, oldStart + p) && isBoundary(b, newStart + p))) p--;
  return { oldStart: oldStart + p, oldEnd, newStart: newStart + p, newEnd };
}

/** Joins changes that touch in both texts (e.g. a new paragraph and the separator after it). */
function mergeTouching(changes: RawChange[]): RawChange[] {
  const out: RawChange[] = [];
  for (const change of changes) {
    const prev = out[out.length - 1];
    if (prev && prev.oldEnd === change.oldStart && prev.newEnd === change.newStart) {
      prev.oldEnd = change.oldEnd;
      prev.newEnd = change.newEnd;
    } else {
      out.push({ ...change });
    }
  }
  return out;
}

function blockAt(blocks: readonly DiffBlock[], pos: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function finish(change: RawChange, a: string, b: string, newBlocks: readonly DiffBlock[]): Change {
  const original = { start: change.oldStart, end: change.oldEnd, text: a.slice(change.oldStart, change.oldEnd) };
  const corrected = { start: change.newStart, end: change.newEnd, text: b.slice(change.newStart, change.newEnd) };
  const kind: ChangeKind =
    original.text === ''
      ? 'insert'
      : corrected.text === ''
        ? 'delete'
        : GAP_MARKER.test(original.text)
          ? 'fill'
          : 'replace';
  // A change that starts with a paragraph separator belongs to the paragraph after it.
  const lead = /^\s*/.exec(corrected.text)![0].length;
  const pos = lead < corrected.text.length ? corrected.start + lead : corrected.start;
  return { kind, original, corrected, block: blockAt(newBlocks, pos) };
}

/** The corrected text with one change undone: its corrected range gets the original text back. */
export function revertChange(correctedText: string, change: Change): string {
  return correctedText.slice(0, change.corrected.start) + change.original.text + correctedText.slice(change.corrected.end);
}

/** The corrected text with several changes (from one `computeChanges` call) undone. */
export function revertChanges(correctedText: string, changes: readonly Change[]): string {
  let text = correctedText;
  for (const change of [...changes].sort((x, y) => y.corrected.start - x.corrected.start)) text = revertChange(text, change);
  return text;
}

/** The original text with the changes applied: `applyChanges(o, computeChanges(o, c)) === c`. */
export function applyChanges(originalText: string, changes: readonly Change[]): string {
  let text = originalText;
  for (const change of [...changes].sort((x, y) => y.original.start - x.original.start)) {
    text = text.slice(0, change.original.start) + change.corrected.text + text.slice(change.original.end);
  }
  return text;
}
