// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { sessionsInPage } from '../../helpers/editor-sessions.ts';
import { changesPluginKey, setChangesShown } from '../../../src/editor/changes-plugin.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import type { EditorSession } from '../../../src/editor/session.ts';

const text = 'Title\n\nMany people came to the square.\n\nThey stayed until night.';

const openSession = sessionsInPage();

function open() {
  let parsed = 0;
  const session = openSession({
    doc: textToDoc(text),
    original: () => {
      parsed++;
      return textToDoc(text);
    },
  });
  return { session, parsed: () => parsed };
}

function replaceWord(session: EditorSession, word: string, by: string) {
  let at = -1;
  session.getState().doc.descendants((node, pos) => {
    const i = node.isText ? node.text!.indexOf(word) : -1;
    if (at < 0 && i >= 0) at = pos + i;
  });
  session.view.dispatch(session.getState().tr.insertText(by, at, at + word.length));
}

describe('the original article of a session', () => {
  it('is not built while the changes are not shown, even after edits', () => {
    const { session, parsed } = open();
    replaceWord(session, 'Many', 'Countless');
    replaceWord(session, 'night', 'dawn');
    expect(parsed()).toBe(0);
    expect(changesPluginKey.getState(session.getState())?.shown).toBe(false);
  });

  it('is built once, when "Show changes" is first opened, and kept for reverting', async () => {
    const { session, parsed } = open();
    replaceWord(session, 'Many', 'Countless');
    setChangesShown(session.view, true);
    // The comparison loads with the first showing and runs a moment later.
    await vi.waitFor(() => expect(changesPluginKey.getState(session.getState())!.fresh).toBe(true));
    expect(parsed()).toBe(1);
    const changes = changesPluginKey.getState(session.getState())!.changes;
    expect(changes.map((c) => [c.before, c.after])).toEqual([['Many', 'Countless']]);

    const original = session.original;
    expect(original?.textContent).toContain('Many people');
    expect(session.original).toBe(original);
    setChangesShown(session.view, false);
    setChangesShown(session.view, true);
    await vi.waitFor(() => expect(changesPluginKey.getState(session.getState())!.fresh).toBe(true));
    expect(parsed()).toBe(1);
  });

  it('is built on first use by whoever needs it first (the Changes panel reads session.original)', async () => {
    const { session, parsed } = open();
    expect(session.original?.textContent).toBe(textToDoc(text).textContent);
    setChangesShown(session.view, true);
    await vi.waitFor(() => expect(changesPluginKey.getState(session.getState())!.fresh).toBe(true));
    expect(parsed()).toBe(1);
  });

  it('a change inside a quote is shown without splitting the quote (one element, one speaker label)', async () => {
    const quoted = 'Title\n\nShe said: “We will win this war,” and left.';
    const doc = textToDoc(quoted);
    const quote = doc.type.schema.marks.quote!.create({ id: 'q1', speaker: null });
    let from = 0;
    doc.descendants((node, pos) => {
      if (node.isText && node.text!.includes('“')) from = pos + node.text!.indexOf('“');
    });
    const session = openSession({ doc, original: () => textToDoc(quoted) });
    const mount = session.view.dom.parentElement!;
    const end = from + '“We will win this war,”'.length;
    session.view.dispatch(session.getState().tr.addMark(from, end, quote));
    // Delete "this " inside the quote, then show the changes.
    let at = -1;
    session.getState().doc.descendants((node, pos) => {
      if (node.isText && node.text!.includes('this ')) at = pos + node.text!.indexOf('this ');
    });
    session.view.dispatch(session.getState().tr.delete(at, at + 'this '.length));
    setChangesShown(session.view, true);
    await vi.waitFor(() => expect(mount.querySelector('del.change-deleted')).not.toBeNull());
    const quotes = mount.querySelectorAll('span.quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.querySelector('del.change-deleted')?.textContent).toBe('this ');
  });

  it('is absent from a session opened without one', () => {
    const session = openSession(text);
    expect(session.original).toBeNull();
    expect(changesPluginKey.getState(session.getState())).toBeUndefined();
  });
});
