// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { EditorSession } from '../../../src/editor/session.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { schema } from '../../../src/editor/schema.ts';
import { placedGaps, setGapFill } from '../../../src/editor/gaps.ts';
import { createSpeaker } from '../../../src/editor/speaker-commands.ts';
import { speakersOf } from '../../../src/editor/article-attrs.ts';

const sessions: EditorSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.destroy();
  document.body.innerHTML = '';
});

function open(text: string): EditorSession {
  const mount = document.createElement('div');
  document.body.append(mount);
  const session = new EditorSession(mount, { doc: textToDoc(text) });
  sessions.push(session);
  return session;
}

const labels = (session: EditorSession) => [...session.view.dom.querySelectorAll('.gap-field input')].map((input) => input.getAttribute('aria-label'));

describe('gap fields', () => {
  it('are named by their number, renumbered when a gap is added or removed', () => {
    const session = open('Title\n\nOne __ and two __.\n\nThree __.');
    expect(labels(session)).toEqual(['Gap 1 of 3', 'Gap 2 of 3', 'Gap 3 of 3']);
    session.view.dispatch(session.view.state.tr.insert(8, schema.nodes.gap!.create({ id: 'new' })));
    expect(labels(session)).toEqual(['Gap 1 of 4', 'Gap 2 of 4', 'Gap 3 of 4', 'Gap 4 of 4']);
    const first = placedGaps(session.view.state)[0]!.pos;
    session.view.dispatch(session.view.state.tr.delete(first, first + 1));
    expect(labels(session)).toEqual(['Gap 1 of 3', 'Gap 2 of 3', 'Gap 3 of 3']);
  });

  it('say when they are empty, and stop saying it once filled', () => {
    const session = open('Title\n\nOne __ and two __.');
    const input = () => session.view.dom.querySelector<HTMLInputElement>('.gap-field input')!;
    expect(input().title).toContain('Gap 1 of 2 (empty)');
    session.run(setGapFill('g1', 'tens'), false);
    expect(input().value).toBe('tens');
    expect(input().title).toContain('Gap 1 of 2 —');
  });
});

describe('a gap field being typed in', () => {
  it('keeps the keyboard and the caret when the whole text is redrawn (a document attribute changes)', () => {
    const session = open('Title\n\nOne __ and two __.');
    session.run(setGapFill('g2', 'twelve'), false);
    const input = () => session.view.dom.querySelectorAll<HTMLInputElement>('.gap-field input')[1]!;
    const before = input();
    before.focus();
    before.setSelectionRange(3, 3);
    // ProseMirror redraws every block when the document node's attributes change.
    session.view.dispatch(session.view.state.tr.setDocAttribute('eol', '\r\n'));
    expect(input()).not.toBe(before);
    expect(document.activeElement).toBe(input());
    expect(input().value).toBe('twelve');
    expect([input().selectionStart, input().selectionEnd]).toEqual([3, 3]);
  });

  it('is not redrawn when the speakers change: only the title is', () => {
    const session = open('Title\n\nOne __ and two __.\n\nA second paragraph.');
    const input = session.view.dom.querySelectorAll<HTMLInputElement>('.gap-field input')[1]!;
    const paragraphs = [...session.view.dom.querySelectorAll('p')];
    input.focus();
    session.run(createSpeaker('Anna Berg'), false);
    expect(speakersOf(session.getState().doc).map((s) => s.name)).toEqual(['Anna Berg']);
    expect(session.view.dom.querySelectorAll<HTMLInputElement>('.gap-field input')[1]).toBe(input);
    expect([...session.view.dom.querySelectorAll('p')]).toEqual(paragraphs);
    expect(document.activeElement).toBe(input);
  });
});
