import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docFromJSON } from '../../../src/editor/doc-json.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import type { Node } from 'prosemirror-model';

const articleText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', ' \n \n', '__', '“', '”')), { maxLength: 40 })
  .map((parts) => parts.join(''));

const paragraphs = (doc: Node) => Array.from({ length: doc.childCount - 1 }, (_, i) => doc.child(i + 1));

describe('reading a saved document', () => {
  it('gives back the same document and text after a JSON round trip (property)', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const doc = textToDoc(text);
        const again = docFromJSON(JSON.parse(JSON.stringify(doc.toJSON())));
        again.check();
        expect(again.eq(doc)).toBe(true);
        expect(docToText(again)).toBe(text);
      }),
      { numRuns: 300 },
    );
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
