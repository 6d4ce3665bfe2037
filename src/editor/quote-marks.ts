/**
 * Quotes as they live in the document: `quote` marks. One utterance may run over several
 * paragraphs; its segments are separate marks that share the same `id`. This module reads them
 * back as whole quotes, in document order.
 */
import type { Node } from 'prosemirror-model';

export interface QuoteSegmentInDoc {
  /** Document positions of the segment (from inclusive, to exclusive). */
  from: number;
  to: number;
  /** Index of the block the segment is in (0 = title, 1 = first paragraph). */
  block: number;
}

export interface QuoteInDoc {
  id: string;
  speaker: string | null;
  confirmed: boolean;
  confidence: number;
  source: 'detected' | 'user';
  segments: QuoteSegmentInDoc[];
}

/** Every quote in the document, in order of its first segment. */
export function quotesInDoc(doc: Node): QuoteInDoc[] {
  const byId = new Map<string, QuoteInDoc>();
  doc.forEach((block, offset, blockIndex) => {
    block.forEach((child, childOffset) => {
      const mark = child.marks.find((m) => m.type.name === 'quote');
      if (!mark) return;
      const from = offset + 1 + childOffset;
      const to = from + child.nodeSize;
      const id = mark.attrs.id as string;
      let quote = byId.get(id);
      if (!quote) {
        quote = {
          id,
          speaker: mark.attrs.speaker as string | null,
          confirmed: mark.attrs.confirmed as boolean,
          confidence: mark.attrs.confidence as number,
          source: mark.attrs.source as 'detected' | 'user',
          segments: [],
        };
        byId.set(id, quote);
      }
      const last = quote.segments[quote.segments.length - 1];
      if (last && last.block === blockIndex && last.to === from) last.to = to;
      else quote.segments.push({ from, to, block: blockIndex });
    });
  });
  return [...byId.values()];
}
