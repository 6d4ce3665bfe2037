/**
 * What is still unfinished in an article, for the warning shown before an export. Open
 * proofreading problems come from the proofreading engine and are not counted here.
 */
import type { Node } from 'prosemirror-model';

/** Counts of the unfinished work in a document. */
export interface ExportReadiness {
  /** Gaps the editor has not filled (they are exported as their `__` marker). */
  emptyGaps: number;
  /** Quotes whose speaker the editor has not confirmed (suggested or missing). */
  unconfirmedQuotes: number;
}

/**
 * Counts empty gaps and quotes without a confirmed speaker. A quote split over several segments
 * counts once; like the editor's quote list, a quote is confirmed when its first segment's mark is.
 */
export function exportReadiness(doc: Node): ExportReadiness {
  let emptyGaps = 0;
  const seen = new Set<string>();
  let unconfirmedQuotes = 0;
  doc.forEach((block) => {
    block.forEach((child) => {
      if (child.type.name === 'gap' && (child.attrs.fill as string) === '') emptyGaps++;
      const mark = child.marks.find((m) => m.type.name === 'quote');
      if (!mark) return;
      const id = mark.attrs.id as string;
      if (seen.has(id)) return;
      seen.add(id);
      if (!(mark.attrs.confirmed as boolean)) unconfirmedQuotes++;
    });
  });
  return { emptyGaps, unconfirmedQuotes };
}

/** True when nothing is unfinished. */
export function isReadyForExport(readiness: ExportReadiness): boolean {
  return readiness.emptyGaps === 0 && readiness.unconfirmedQuotes === 0;
}
