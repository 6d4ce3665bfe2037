import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { MemoryStorage } from '../../helpers/memory-storage.ts';

function store() {
  return createWorkspaceStore(new WorkspaceStorage({ storage: new MemoryStorage(), prefix: 'test' }));
}

const text = (headline: string) => `${headline}\n\nThe council met on Tuesday.`;

describe("an article's name", () => {
  it('follows its headline as the headline is edited', () => {
    const s = store();
    const id = s.getState().addArticle(text('Council Approves New Budget'));
    expect(s.getState().articles[id]!.title).toBe('Council Approves New Budget');
    s.getState().updateDocument(id, textToDoc(text('Council Approves New Budget Today')), null, true);
    expect(s.getState().articles[id]!.title).toBe('Council Approves New Budget Today');
  });

  it('stays what the user named it, whatever happens to the headline', () => {
    const s = store();
    const id = s.getState().addArticle(text('Council Approves New Budget'));
    s.getState().renameArticle(id, 'Budget story (final)');
    s.getState().updateDocument(id, textToDoc(text('Council Approves New Budget Today')), null, true);
    expect(s.getState().articles[id]!.title).toBe('Budget story (final)');
  });

  it('is not touched by edits below the headline, nor by a selection change', () => {
    const s = store();
    const id = s.getState().addArticle(text('Council Approves New Budget'));
    const doc = s.getState().articles[id]!.doc;
    const edited = doc.replace(doc.content.size - 2, doc.content.size - 1, textToDoc('x').slice(1, 2));
    s.getState().updateDocument(id, edited, null, true);
    expect(s.getState().articles[id]!.title).toBe('Council Approves New Budget');
    s.getState().updateDocument(id, textToDoc(text('Something Else')), null, false);
    expect(s.getState().articles[id]!.title).toBe('Council Approves New Budget');
  });
});
