// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { sessionsInPage } from '../../helpers/editor-sessions.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { applySpellingEverywhere } from '../../../src/editor/spelling-commands.ts';
import { quotePluginKey } from '../../../src/editor/quote-plugin.ts';

const text = 'Title\n\nLukashenko spoke. Lukashenka left.';
const openSession = sessionsInPage();

describe('a read-only session', () => {
  it('refuses a command that changes the text, says so, and keeps the text', () => {
    const onRefused = vi.fn();
    const onChange = vi.fn();
    const session = openSession({ doc: textToDoc(text), onRefused, onChange });
    session.setEditable(false);
    session.run(applySpellingEverywhere(['Lukashenko', 'Lukashenka'], 'Lukashenka'), false);
    expect(docToText(session.getState().doc)).toBe(text);
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('still takes quote detection’s own updates', () => {
    const session = openSession({ doc: textToDoc(text), onRefused: () => expect.unreachable() });
    session.setEditable(false);
    const { state } = session.view;
    session.view.dispatch(state.tr.insertText('x', 3).setMeta(quotePluginKey, { insights: new Map() }));
    expect(docToText(session.getState().doc)).toContain('Tixtle');
  });

  it('edits again once editable', () => {
    const session = openSession({ doc: textToDoc(text) });
    session.setEditable(false);
    session.setEditable(true);
    session.run(applySpellingEverywhere(['Lukashenko', 'Lukashenka'], 'Lukashenka'), false);
    expect(docToText(session.getState().doc)).not.toContain('Lukashenko');
  });
});
