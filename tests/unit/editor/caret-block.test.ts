// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DecorationSet } from 'prosemirror-view';
import { sessionsInPage } from '../../helpers/editor-sessions.ts';
import { splitBlock } from 'prosemirror-commands';
import { TextSelection } from 'prosemirror-state';
import type { EditorSession } from '../../../src/editor/session.ts';
import { CARET_BLOCK_CLASS } from '../../../src/editor/caret-block.ts';


const open = sessionsInPage();

/** The text of the blocks the editor's DOM marks as holding the caret. */
const marked = (session: EditorSession) => [...session.view.dom.querySelectorAll(`.${CARET_BLOCK_CLASS}`)].map((el) => el.textContent);

/** Puts the caret (or a range) at the given offsets of the document's text positions. */
function select(session: EditorSession, anchor: number, head = anchor): void {
  const { state } = session.view;
  session.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, anchor, head)));
}

const posOf = (session: EditorSession, text: string): number => {
  let found = -1;
  session.view.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
  });
  return found;
};

describe('the block holding the caret', () => {
  it('is marked, and the mark follows the caret from paragraph to paragraph', () => {
    const session = open('Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
    select(session, posOf(session, 'Second'));
    expect(marked(session)).toEqual(['Second paragraph.']);
    const element = session.view.dom.querySelector(`.${CARET_BLOCK_CLASS}`);
    select(session, posOf(session, 'Third') + 3);
    expect(marked(session)).toEqual(['Third paragraph.']);
    // The class moved; the element of the paragraph left behind is the same one, not redrawn.
    expect(element?.isConnected).toBe(true);
    expect(element?.classList.contains(CARET_BLOCK_CLASS)).toBe(false);
  });

  it('is the new paragraph after Enter, and stays marked as it is typed in', () => {
    const session = open('Title\n\nFirst paragraph.\n\nSecond paragraph.');
    select(session, posOf(session, 'First paragraph.') + 'First paragraph.'.length);
    session.run(splitBlock);
    expect(marked(session)).toEqual(['']);
    session.view.dispatch(session.view.state.tr.insertText('A'));
    expect(marked(session)).toEqual(['A']);
  });

  it('covers both ends of a selection across paragraphs', () => {
    const session = open('Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
    select(session, posOf(session, 'First'), posOf(session, 'Third'));
    expect(marked(session)).toEqual(['First paragraph.', 'Third paragraph.']);
  });

  it('is only mapped while typing in one block, and built again when the caret reaches another', () => {
    const session = open('Title\n\nFirst paragraph.\n\nSecond paragraph.');
    select(session, posOf(session, 'First') + 5);
    const built = vi.spyOn(DecorationSet, 'create');
    try {
      for (const ch of ' and more') session.view.dispatch(session.view.state.tr.insertText(ch));
      expect(built).not.toHaveBeenCalled();
      expect(marked(session)).toEqual(['First and more paragraph.']);
      select(session, posOf(session, 'Second'));
      expect(built).toHaveBeenCalledTimes(1);
      expect(marked(session)).toEqual(['Second paragraph.']);
    } finally {
      built.mockRestore();
    }
  });
});
