// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { NodeSelection } from 'prosemirror-state';
import { sessionsInPage } from '../../helpers/editor-sessions.ts';
import type { EditorSession } from '../../../src/editor/session.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { schema } from '../../../src/editor/schema.ts';
import { gapsOf, placedGaps, selectGap, setGapFill } from '../../../src/editor/gaps.ts';
import { createSpeaker } from '../../../src/editor/speaker-commands.ts';
import { speakersOf } from '../../../src/editor/article-attrs.ts';


const open = sessionsInPage();

const labels = (session: EditorSession) => [...session.view.dom.querySelectorAll('.gap-field textarea')].map((input) => input.getAttribute('aria-label'));

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
    const input = () => session.view.dom.querySelector<HTMLTextAreaElement>('.gap-field textarea')!;
    expect(input().title).toContain('Gap 1 of 2 (empty)');
    session.run(setGapFill('g1', 'tens'), false);
    expect(input().value).toBe('tens');
    expect(input().title).toContain('Gap 1 of 2 —');
  });
});

describe('a gap field holding a long fill', () => {
  it('is a one-line text area: a line break that gets in (dropped text) becomes a space', () => {
    const session = open('Title\n\nOne __ and two __.');
    const field = session.view.dom.querySelector<HTMLTextAreaElement>('.gap-field[data-gap-id="g1"] textarea')!;
    expect(field.getAttribute('rows')).toBe('1');
    field.value = 'tens of\nthousands';
    field.setSelectionRange(9, 9);
    field.dispatchEvent(new Event('input'));
    expect(field.value).toBe('tens of thousands');
    expect([field.selectionStart, field.selectionEnd]).toEqual([9, 9]);
    expect(gapsOf(session.getState()).map((gap) => gap.fill)).toEqual(['tens of thousands', '']);
  });
});

describe('a gap field being typed in', () => {
  it('keeps the keyboard and the caret when the whole text is redrawn (a document attribute changes)', () => {
    const session = open('Title\n\nOne __ and two __.');
    session.run(setGapFill('g2', 'twelve'), false);
    const input = () => session.view.dom.querySelectorAll<HTMLTextAreaElement>('.gap-field textarea')[1]!;
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
    const input = session.view.dom.querySelectorAll<HTMLTextAreaElement>('.gap-field textarea')[1]!;
    const paragraphs = [...session.view.dom.querySelectorAll('p')];
    input.focus();
    session.run(createSpeaker('Anna Berg'), false);
    expect(speakersOf(session.getState().doc).map((s) => s.name)).toEqual(['Anna Berg']);
    expect(session.view.dom.querySelectorAll<HTMLTextAreaElement>('.gap-field textarea')[1]).toBe(input);
    expect([...session.view.dom.querySelectorAll('p')]).toEqual(paragraphs);
    expect(document.activeElement).toBe(input);
  });
});

describe('a selected gap whose field was left for the panels', () => {
  it('gives its field the keyboard when it is selected again (the Gaps panel, "Go to gap")', () => {
    const session = open('Title\n\nOne __ and two __.');
    const input = session.view.dom.querySelector<HTMLTextAreaElement>('.gap-field[data-gap-id="g2"] textarea')!;
    session.run(selectGap('g2'));
    expect(document.activeElement).toBe(input);
    // A button outside the article takes the keyboard; the gap stays selected.
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    expect((session.getState().selection as NodeSelection).node.attrs.id).toBe('g2');
    session.run(selectGap('g2'));
    expect(document.activeElement).toBe(input);
    // Typing there fills the gap; the text and its other gap are left alone.
    input.value = '120';
    input.dispatchEvent(new Event('input'));
    expect(gapsOf(session.getState()).map((gap) => gap.fill)).toEqual(['', '120']);
  });

  it('keeps its caret when it has the keyboard already', () => {
    const session = open('Title\n\nOne __ and two __.');
    session.run(selectGap('g1'));
    const input = session.view.dom.querySelector<HTMLTextAreaElement>('.gap-field[data-gap-id="g1"] textarea')!;
    session.run(setGapFill('g1', 'tens of'), false);
    input.setSelectionRange(2, 2);
    session.run(selectGap('g1'));
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 2]);
  });
});

/** A stand-in for the viewport: gaps are "near" only when the test says so. */
function standInNearView() {
  const waiting = new Map<Element, () => void>();
  return {
    waiting,
    nearView: (element: Element, near: () => void) => {
      waiting.set(element, near);
      return () => waiting.delete(element);
    },
    /** Brings the gap with this id within reach of the screen. */
    bringNear(id: string) {
      for (const [element, near] of waiting) if ((element as HTMLElement).dataset.gapId === id) near();
    },
  };
}

function openFar(text: string, nearView: ReturnType<typeof standInNearView>['nearView']): EditorSession {
  return open({ doc: textToDoc(text), nearView });
}

describe('gap fields far from the screen', () => {
  it('show a named look-alike with the fill or the marker, and get their field when they come near', () => {
    const screen = standInNearView();
    const session = openFar('Title\n\nOne __ and two ___.', screen.nearView);
    session.run(setGapFill('g1', 'tens of'), false);
    const faces = () => [...session.view.dom.querySelectorAll<HTMLElement>('.gap-face')];
    expect(session.view.dom.querySelectorAll('.gap-field textarea')).toHaveLength(0);
    expect(faces().map((face) => [face.getAttribute('role'), face.getAttribute('aria-label'), face.textContent])).toEqual([
      ['textbox', 'Gap 1 of 2', 'tens of'],
      ['textbox', 'Gap 2 of 2', '___'],
    ]);
    screen.bringNear('g2');
    const input = session.view.dom.querySelector<HTMLTextAreaElement>('.gap-field[data-gap-id="g2"] textarea')!;
    expect(input.getAttribute('aria-label')).toBe('Gap 2 of 2');
    expect(input.placeholder).toBe('___');
    expect(faces()).toHaveLength(1);
    expect(screen.waiting.size).toBe(1);
    // Typing in the new field fills the gap.
    input.value = 'only';
    input.dispatchEvent(new Event('input'));
    expect(gapsOf(session.getState()).map((gap) => gap.fill)).toEqual(['tens of', 'only']);
  });

  it('get their field and the keyboard at once when selected (the gaps list, a shortcut)', () => {
    const screen = standInNearView();
    const session = openFar('Title\n\nOne __ and two __.', screen.nearView);
    session.run(selectGap('g2'));
    const input = session.view.dom.querySelector<HTMLTextAreaElement>('.gap-field[data-gap-id="g2"] textarea');
    expect(input).not.toBeNull();
    expect(document.activeElement).toBe(input);
    expect(session.view.dom.querySelector('.gap-field[data-gap-id="g1"] textarea')).toBeNull();
  });

  it('get their field when the look-alike is focused, and stop being watched when removed', () => {
    const screen = standInNearView();
    const session = openFar('Title\n\nOne __ and two __.', screen.nearView);
    session.view.dom.querySelector<HTMLElement>('.gap-field[data-gap-id="g1"] .gap-face')!.focus();
    expect(document.activeElement).toBe(session.view.dom.querySelector('.gap-field[data-gap-id="g1"] textarea'));
    const second = placedGaps(session.view.state)[1]!.pos;
    session.view.dispatch(session.view.state.tr.delete(second, second + 1));
    expect(screen.waiting.size).toBe(0);
  });
});
