// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMParser, DOMSerializer } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { docFromJSON, docToJSON } from '../../../src/editor/doc-json.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { quotesInDoc } from '../../../src/editor/quote-marks.ts';
import { quoteMark, schema, type QuoteMarkAttrs } from '../../../src/editor/schema.ts';

const quote = schema.marks.quote!;
const attrs = fc.record<QuoteMarkAttrs>({
  id: fc.stringMatching(/^q[0-9]{1,4}$/),
  speaker: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }),
  confirmed: fc.boolean(),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  source: fc.constantFrom('detected' as const, 'user' as const),
});

describe('quote marks with plain attributes', () => {
  it('equal the marks ProseMirror makes, in both directions (property)', () => {
    fc.assert(
      fc.property(attrs, (a) => {
        const mark = quoteMark(a);
        const made = quote.create(a);
        expect(mark.eq(made) && made.eq(mark)).toBe(true);
        expect(mark.toJSON()).toEqual(made.toJSON());
        expect({ ...mark.attrs }).toEqual(a);
        expect(made.isInSet([mark])).toBe(true);
      }),
    );
  });

  it('are still checked: a bad attribute is refused', () => {
    expect(() => quoteMark({ id: 'q1', speaker: null, confirmed: false, confidence: 2, source: 'detected' })).toThrow(RangeError);
    expect(() => quoteMark({ id: 'q1', speaker: null, confirmed: false, confidence: 0, source: 'someone' as 'user' })).toThrow(RangeError);
  });

  it('come back from a saved document equal, with the same plain attributes (property)', () => {
    fc.assert(
      fc.property(fc.array(attrs, { minLength: 1, maxLength: 4 }), (list) => {
        const doc = textToDoc(`Title\n\n${list.map((_, i) => `word${i} “quoted ${i}”`).join(' ')}`);
        const t = new Transform(doc);
        let pos = 2;
        list.forEach((a, i) => {
          const from = pos + `word${i} `.length;
          const to = from + `“quoted ${i}”`.length;
          t.addMark(from, to, quote.create({ ...a, id: `q${i}` }));
          pos = to + 1;
        });
        const read = docFromJSON(docToJSON(t.doc));
        expect(read.eq(t.doc)).toBe(true);
        for (const q of quotesInDoc(read)) expect(Object.getPrototypeOf(read.nodeAt(q.segments[0]!.from)!.marks[0]!.attrs)).toBe(Object.prototype);
      }),
    );
  });

  it('are read back from the text as drawn, with every attribute (property)', () => {
    // When the browser edits a quote's element itself (Backspace at its end), ProseMirror reads the
    // element again; a mark read back with other attributes made the whole quote "changed" text,
    // put back without its mark.
    const paragraph = schema.nodes.paragraph!;
    fc.assert(
      fc.property(attrs, (a) => {
        const block = paragraph.create(null, [schema.text('Before '), schema.text('“quoted words,”', [quoteMark(a)]), schema.text(' after.')]);
        const dom = document.createElement('p');
        dom.append(DOMSerializer.fromSchema(schema).serializeFragment(block.content));
        const read = DOMParser.fromSchema(schema).parse(dom, { topNode: paragraph.create() });
        expect(read.content.eq(block.content)).toBe(true);
      }),
    );
  });
});
