import { describe, expect, it } from 'vitest';
import type { EditorState, Transaction } from 'prosemirror-state';
import { textToDoc } from '../../../src/editor/parse.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { setGapFill } from '../../../src/editor/gaps.ts';
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

  it('follows a headline with a gap: the fill as it is shown, an empty gap as its marker', () => {
    const s = store();
    const id = s.getState().addArticle(text('Council approves __ homes in ___'));
    expect(s.getState().articles[id]!.title).toBe('Council approves __ homes in ___');
    const edit = (change: (state: EditorState) => Transaction) => {
      const state = createEditorState(s.getState().articles[id]!.doc);
      s.getState().updateDocument(id, state.apply(change(state)).doc, null, true);
      return s.getState().articles[id]!.title;
    };
    const fill = (gap: string, value: string) => (state: EditorState) => {
      let tr: Transaction | null = null;
      setGapFill(gap, value)(state, (t) => (tr = t));
      return tr!;
    };
    expect(edit(fill('g1', '120'))).toBe('Council approves 120 homes in ___');
    expect(edit((state) => state.tr.insertText(' today', state.doc.firstChild!.nodeSize - 1))).toBe('Council approves 120 homes in ___ today');
    expect(edit(fill('g2', 'Leeds'))).toBe('Council approves 120 homes in Leeds today');
    expect(edit(fill('g1', ''))).toBe('Council approves __ homes in Leeds today');
  });

  it('follows the headline again when its gap was filled before names followed the fills', () => {
    const s = store();
    const id = s.getState().addArticle(text('Council approves __ homes'));
    // Saved that way: the name as the text was opened, the gap filled since.
    const opened = createEditorState(s.getState().articles[id]!.doc);
    let filled: EditorState | null = null;
    setGapFill('g1', '120')(opened, (tr) => (filled = opened.apply(tr)));
    s.setState((st) => ({ articles: { ...st.articles, [id]: { ...st.articles[id]!, doc: filled!.doc } } }));
    expect(s.getState().articles[id]!.title).toBe('Council approves __ homes');
    const edited = filled!.apply(filled!.tr.insertText(' today', filled!.doc.firstChild!.nodeSize - 1));
    s.getState().updateDocument(id, edited.doc, null, true);
    expect(s.getState().articles[id]!.title).toBe('Council approves 120 homes today');
  });
});
