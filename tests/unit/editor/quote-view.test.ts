// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sessionsInPage } from '../../helpers/editor-sessions.ts';
import type { EditorSession } from '../../../src/editor/session.ts';
import { speakerColourRules } from '../../../src/editor/speaker-colors.ts';
import { Transform } from 'prosemirror-transform';
import { textToDoc } from '../../../src/editor/parse.ts';
import { schema } from '../../../src/editor/schema.ts';
import { visibleRangeKey } from '../../../src/editor/visible-range.ts';

const text = 'Title\n\nShe said: “We will win this,” and left.\n\n“Nobody knows,” he said.';
const speakers = [
  { id: 'anna', name: 'Anna Berg', aliases: [] },
  { id: 'bo', name: 'Bo Lind', aliases: [] },
];

const openSession = sessionsInPage();

function open(): EditorSession {
  const tr = new Transform(textToDoc(text)).setNodeAttribute(0, 'speakers', speakers);
  const spans: { from: number; to: number }[] = [];
  tr.doc.descendants((node, pos) => {
    for (const m of (node.text ?? '').matchAll(/“[^”]*”/g)) spans.push({ from: pos + m.index, to: pos + m.index + m[0].length });
  });
  const quote = schema.marks.quote!;
  tr.addMark(spans[0]!.from, spans[0]!.to, quote.create({ id: 'q1', speaker: 'anna', confirmed: false, confidence: 0.95 }));
  tr.addMark(spans[1]!.from, spans[1]!.to, quote.create({ id: 'q2', speaker: null }));
  const doc = tr.doc;
  return openSession({ doc, quotes: { analyzer: () => new Promise(() => {}), openPicker: () => {} } });
}

describe('quotes in the editor view', () => {
  it('shows each quote’s state on the quote itself', () => {
    const session = open();
    const quotes = [...session.view.dom.querySelectorAll('span.quote')];
    expect(quotes.map((q) => [q.textContent, q.className, q.getAttribute('data-speaker')])).toEqual([
      ['“We will win this,”', 'quote quote-prefilled', 'anna'],
      ['“Nobody knows,”', 'quote quote-unknown', ''],
    ]);
  });

  it('typing inside a quote changes its text node in place: nothing around the caret is redrawn', () => {
    const session = open();
    const quote = session.view.dom.querySelector('span.quote')!;
    const textNode = quote.firstChild!;
    expect(textNode.nodeType).toBe(3);
    // As the browser does when a key is typed: the text node changes, then ProseMirror reads it.
    (textNode as Text).insertData(3, 'X');
    (session.view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
    expect(session.view.state.doc.child(1).textContent).toBe('She said: “WeX will win this,” and left.');
    expect(quote.isConnected).toBe(true);
    expect(textNode.isConnected).toBe(true);
    expect(textNode.parentNode).toBe(quote);
    // The speaker label is the quote element's own ::before box: no widget beside the text.
    expect(session.view.dom.querySelector('.quote-label, .ProseMirror-widget')).toBeNull();
  });

  it('colours and names speakers in registry order, one rule per speaker, with ids and names escaped', () => {
    expect(speakerColourRules([...speakers, { id: 'x"]{}', name: 'Say "hi" \\ } now', aliases: [] }], '.ProseMirror').split('\n')).toEqual([
      '.ProseMirror [data-speaker="anna"] { --speaker: var(--speaker-0); --speaker-name: "Anna Berg"; }',
      '.ProseMirror [data-speaker="bo"] { --speaker: var(--speaker-1); --speaker-name: "Bo Lind"; }',
      '.ProseMirror [data-speaker="x\\22 ]{}"] { --speaker: var(--speaker-2); --speaker-name: "Say \\22 hi\\22  \\5c  } now"; }',
    ]);
  });

  it('a long speaker name is shortened in the label, and a line break cannot end the rule', () => {
    const [rule] = speakerColourRules([{ id: 'a', name: 'Oleksiy Frantzkevych of the Kalinouski Regiment', aliases: [] }], '.ProseMirror').split('\n');
    expect(rule).toContain('--speaker-name: "Oleksiy Frantzkevych…";');
    expect(speakerColourRules([{ id: 'a', name: 'A\nB', aliases: [] }], '.ProseMirror')).toContain('"A\\a B"');
  });

  it('marks a suggested quote with its confidence for the label', () => {
    const session = open();
    const [first, second] = [...session.view.dom.querySelectorAll<HTMLElement>('span.quote')];
    expect(first!.dataset.confidence).toBe('95%');
    expect(second!.dataset.confidence).toBeUndefined();
  });
});

describe('a quote over several paragraphs', () => {
  it('labels its later paragraphs as continued, inside the drawing window and not outside it', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `Filler paragraph ${i} with some words in it.`);
    const doc0 = textToDoc(['Title', '“We start here,', '“and we end here,” she said.', ...filler].join('\n\n'));
    const tr = new Transform(doc0).setNodeAttribute(0, 'speakers', speakers);
    const first = doc0.child(1);
    const second = doc0.child(2);
    const from = doc0.child(0).nodeSize + 1;
    const to = from + first.content.size + 2 + second.content.size - ' she said.'.length;
    tr.addMark(from, to, schema.marks.quote!.create({ id: 'q1', speaker: 'anna', confirmed: true, confidence: 1 }));
    const session = openSession({ doc: tr.doc, quotes: { analyzer: () => new Promise(() => {}), openPicker: () => {} } });
    const paragraphs = () => [...session.view.dom.querySelectorAll('p')];
    expect(paragraphs()[1]!.classList.contains('quote-continues')).toBe(true);
    expect(paragraphs()[0]!.classList.contains('quote-continues')).toBe(false);
    const end = session.view.state.doc.content.size;
    session.view.dispatch(session.view.state.tr.setMeta(visibleRangeKey, { from: end - 200, to: end }));
    expect(paragraphs()[1]!.classList.contains('quote-continues')).toBe(false);
    session.view.dispatch(session.view.state.tr.setMeta(visibleRangeKey, { from: 0, to: 300 }));
    expect(paragraphs()[1]!.classList.contains('quote-continues')).toBe(true);
  });
});
