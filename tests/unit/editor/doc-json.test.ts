import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Transform } from 'prosemirror-transform';
import { docFromJSON, docToJSON } from '../../../src/editor/doc-json.ts';
import { dismissedQuotesOf, speakersOf } from '../../../src/editor/article-attrs.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import type { Node } from 'prosemirror-model';

const articleText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', ' \n \n', '__', '“', '”')), { maxLength: 40 })
  .map((parts) => parts.join(''));

const speakerList = fc
  .uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), name: fc.string({ maxLength: 20 }), aliases: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }) }), { selector: (s) => s.id, maxLength: 5 });
const dismissedList = fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 });

/** An article with speakers and dismissed quotes set as the editor sets them (on the title). */
const article = fc.tuple(articleText, speakerList, dismissedList).map(([text, speakers, dismissed]) =>
  new Transform(textToDoc(text)).setNodeAttribute(0, 'speakers', speakers).setNodeAttribute(0, 'dismissedQuotes', dismissed).doc,
);

const paragraphs = (doc: Node) => Array.from({ length: doc.childCount - 1 }, (_, i) => doc.child(i + 1));

describe('reading a saved document', () => {
  it('gives back the same document and text after a JSON round trip (property)', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const doc = textToDoc(text);
        const again = docFromJSON(JSON.parse(JSON.stringify(docToJSON(doc))));
        again.check();
        expect(again.eq(doc)).toBe(true);
        expect(docToText(again)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('saves speakers and dismissed quotes on the document node, and reads them back onto the title (property)', () => {
    fc.assert(
      fc.property(article, (doc) => {
        const saved = JSON.parse(JSON.stringify(docToJSON(doc))) as { attrs: Record<string, unknown>; content: { type: string; attrs?: Record<string, unknown> }[] };
        // The saved shape every version of the format has had.
        expect(Object.keys(saved.attrs)).toEqual(['speakers', 'trailing', 'eol', 'dismissedQuotes']);
        expect(saved.attrs.speakers).toEqual(speakersOf(doc));
        expect(saved.attrs.dismissedQuotes).toEqual(dismissedQuotesOf(doc));
        expect(Object.keys(saved.content[0]!.attrs ?? {})).toEqual(['before']);
        const again = docFromJSON(saved);
        again.check();
        expect(again.eq(doc)).toBe(true);
        expect(docToJSON(again)).toEqual(saved);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a document saved before speakers moved to the title', () => {
    const saved = {
      type: 'doc',
      attrs: { speakers: [{ id: 'anna', name: 'Anna Berg', aliases: ['Berg'] }], trailing: '\n', eol: '\n', dismissedQuotes: ['a fingerprint'] },
      content: [
        { type: 'title', attrs: { before: '' }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', attrs: { before: '\n\n' }, content: [{ type: 'text', text: 'One.' }] },
      ],
    };
    const doc = docFromJSON(saved);
    expect(speakersOf(doc)).toEqual([{ id: 'anna', name: 'Anna Berg', aliases: ['Berg'] }]);
    expect(dismissedQuotesOf(doc)).toEqual(['a fingerprint']);
    expect(doc.attrs).toEqual({ trailing: '\n', eol: '\n' });
    expect(docToText(doc)).toBe('Title\n\nOne.\n');
    expect(docToJSON(doc)).toEqual(saved);
  });

  it('refuses damaged speakers on the document node as before', () => {
    const saved = docToJSON(textToDoc('Title\n\nOne.')) as { attrs: Record<string, unknown> };
    saved.attrs.speakers = [{ id: 'a', name: 'A', aliases: [] }, { id: 'a', name: 'B', aliases: [] }];
    expect(() => docFromJSON(saved)).toThrow(/duplicate speaker/);
  });

  it('lets paragraphs with the usual separator share one attributes object, parsed or read back', () => {
    const doc = textToDoc('Title\n\nOne.\n\nTwo.\n\n\nThree, after two blank lines.\n\nFour.');
    const read = docFromJSON(doc.toJSON());
    for (const d of [doc, read]) {
      const [one, two, three, four] = paragraphs(d);
      expect(one!.attrs).toBe(two!.attrs);
      expect(four!.attrs).toBe(one!.attrs);
      expect(three!.attrs).not.toBe(one!.attrs);
      expect(three!.attrs.before).toBe('\n\n\n');
    }
  });

  it('still refuses a damaged document', () => {
    const json = textToDoc('Title\n\nOne.').toJSON() as { content: { attrs?: unknown }[] };
    json.content[1]!.attrs = { before: 'not a separator' };
    expect(() => docFromJSON(json)).toThrow();
  });
});
