/**
 * Quote marks to take off and put on, gathered per block and applied as one `BlockMarksStep`:
 * each touched block is re-marked on its own (ProseMirror's own mark steps, on the block alone)
 * and its content rebuilt to size. Used wherever many quotes change at once (a detection run,
 * "Accept all", merging or removing a speaker), so the cost grows with the quotes changed, not
 * with quotes × blocks as one mark step per quote would.
 */
import { Fragment, type Mark, type Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { BlockMarksStep, type BlockContent } from './block-marks-step.ts';
import type { QuoteInDoc } from './quote-marks.ts';
import { quoteMark, schema, type QuoteMarkAttrs } from './schema.ts';

/** A stretch of text inside one top-level block, in document positions. */
export interface BlockRange {
  /** Index of the block (0 = title). */
  block: number;
  from: number;
  to: number;
}

interface Edit {
  from: number;
  to: number;
  mark: Mark;
  remove: boolean;
}

/** The attributes a quote's marks carry. */
export function quoteAttrs(quote: QuoteInDoc): QuoteMarkAttrs {
  return { id: quote.id, speaker: quote.speaker, confirmed: quote.confirmed, confidence: quote.confidence, source: quote.source };
}

export class QuoteMarkEdits {
  private readonly byBlock = new Map<number, Edit[]>();

  /** Takes `quote`'s own mark off its segments (not a newer quote's mark over the same text). */
  remove(quote: QuoteInDoc): void {
    const mark = quoteMark(quoteAttrs(quote));
    for (const segment of quote.segments) this.edits(segment.block).push({ from: segment.from, to: segment.to, mark, remove: true });
  }

  /** Marks `ranges` as one quote with `attrs`. */
  add(ranges: readonly BlockRange[], attrs: QuoteMarkAttrs): void {
    const mark = quoteMark(attrs);
    for (const range of ranges) this.edits(range.block).push({ from: range.from, to: range.to, mark, remove: false });
  }

  /** Gives `quote` new attributes over the same text. */
  rewrite(quote: QuoteInDoc, attrs: Partial<QuoteMarkAttrs>): void {
    this.remove(quote);
    this.add(quote.segments, { ...quoteAttrs(quote), ...attrs });
  }

  private edits(block: number): Edit[] {
    let list = this.byBlock.get(block);
    if (!list) this.byBlock.set(block, (list = []));
    return list;
  }

  /** The step, or null when no block's marks change. Edits apply in the order they were made. */
  step(doc: Node): BlockMarksStep | null {
    const changed: BlockContent[] = [];
    const indices = [...this.byBlock.keys()].sort((a, b) => a - b);
    let index = 0;
    let pos = 0;
    for (const target of indices) {
      if (target >= doc.childCount) break;
      while (index < target) pos += doc.child(index++).nodeSize;
      const block = doc.child(target);
      const start = pos + 1;
      // A new node as the root (`copy` would return the block itself): ProseMirror caches resolved
      // positions per root node, and the block lives on in the article as opened ("Show changes").
      const marked = new Transform(block.type.create(block.attrs, block.content, block.marks));
      for (const { from, to, mark, remove } of this.byBlock.get(target)!) {
        if (remove) marked.removeMark(from - start, to - start, mark);
        else marked.addMark(from - start, to - start, mark);
      }
      if (marked.doc.content.eq(block.content)) continue;
      changed.push({ pos, content: builtToSize(marked.doc.content) });
    }
    return changed.length ? new BlockMarksStep(changed) : null;
  }
}

/** The same nodes, with content and mark arrays of their exact length (see BlockMarksStep). */
function builtToSize(content: Fragment): Fragment {
  const nodes = Array.from({ length: content.childCount }, (_, i) => {
    const node = content.child(i);
    if (node.isText) return schema.text(node.text!, node.marks);
    return node.marks.length ? node.mark(node.marks.slice()) : node;
  });
  return Fragment.fromArray(nodes);
}
