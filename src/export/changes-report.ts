/**
 * The changes report: a readable list of every change the copy desk made (original → corrected,
 * with its paragraph), followed by the corrected article, so an editor can review the work.
 */
import type { Node } from 'prosemirror-model';
import { computeChanges, type Change } from '../changes/diff.ts';
import { exportPlainText } from './text.ts';

function describe(change: Change): string {
  const where = change.block === 0 ? 'Title' : `Paragraph ${change.block}`;
  const before = change.original.text.replace(/\s+/g, ' ').trim();
  const after = change.corrected.text.replace(/\s+/g, ' ').trim();
  switch (change.kind) {
    case 'fill':
      return `${where}: gap filled with “${after}”`;
    case 'insert':
      return `${where}: added “${after}”`;
    case 'delete':
      return `${where}: removed “${before}”`;
    default:
      return `${where}: “${before}” → “${after}”`;
  }
}

/** The report as plain text. */
export function exportChangesReport(doc: Node, originalText: string, title: string): string {
  const corrected = exportPlainText(doc);
  const changes = computeChanges(originalText, corrected);
  const lines = [
    `Changes report: ${title}`,
    '',
    changes.length === 0 ? 'No changes from the original.' : `${changes.length} change${changes.length === 1 ? '' : 's'} from the original:`,
    ...changes.map((change, index) => `${index + 1}. ${describe(change)}`),
    '',
    '— Corrected article —',
    '',
    corrected,
  ];
  return lines.join('\n');
}
