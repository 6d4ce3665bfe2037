import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/editor/schema.ts';
import { textToDoc, plainTextSlice } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { layoutText, joinLayout } from '../../../src/editor/layout.ts';
import { createEditorState } from '../../../src/editor/state.ts';
import { findGaps, setGapFill } from '../../../src/editor/gaps.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');

function gaps(text: string) {
  const found: { id: string; marker: string }[] = [];
  textToDoc(text).descendants((node) => {
    if (node.type.name === 'gap') found.push({ id: node.attrs.id as string, marker: node.attrs.marker as string });
  });
  return found;
}

describe('textToDoc on the sample article', () => {
  const doc = textToDoc(sample);

  it('has the first line as title and 15 body paragraphs', () => {
    expect(doc.firstChild?.type.name).toBe('title');
    expect(doc.firstChild?.textContent).toBe('The Belarusian Soldiers Are Fighting For Ukraine');
    expect(doc.childCount - 1).toBe(15);
  });

  it('shows both gaps as gap nodes', () => {
    expect(gaps(sample)).toEqual([
      { id: 'g1', marker: '__' },
      { id: 'g2', marker: '__' },
    ]);
  });

  it('keeps curly quotes, apostrophes and dashes exactly', () => {
    expect(doc.textContent).toContain('“After the victory of Ukraine, our struggle will only begin,”');
    expect(doc.textContent).toContain('Lukashenko’s regime');
  });

  it('exports back byte for byte when nothing was edited', () => {
    expect(docToText(doc)).toBe(sample);
  });

  it('writes gap fills in place of the blanks', () => {
    let state = createEditorState(doc);
    const fills = ['tens of', 'only'];
    findGaps(doc).forEach((gap, index) => {
      setGapFill(gap.id, fills[index]!)(state, (tr) => (state = state.apply(tr)));
    });
    const text = docToText(state.doc);
    expect(text).toContain('filled with tens of thousands of citizens');
    expect(text).toContain('that their only hope for the future');
    expect(text).toBe(sample.replace('with __ thousands', 'with tens of thousands').replace('their __ hope', 'their only hope'));
  });
});

describe('text layout', () => {
  it('treats a single newline as a hard break and 2+ as a paragraph boundary', () => {
    const doc = textToDoc('Title\n\nline one\nline two\n\n\nnext');
    expect(doc.childCount).toBe(3);
    expect(doc.child(1).child(1).type.name).toBe('hard_break');
    expect(doc.child(2).attrs.before).toBe('\n\n\n');
  });

  it('keeps CRLF files as CRLF', () => {
    const text = 'Title\r\n\r\nOne\r\nTwo\r\n';
    const layout = layoutText(text);
    expect(layout.eol).toBe('\r\n');
    expect(layout.blocks[1]?.start).toBe(text.indexOf('One'));
    expect(docToText(textToDoc(text))).toBe(text);
  });

  it('does not treat underscores inside words as gaps', () => {
    expect(gaps('snake__case and __ and ___ and x__')).toEqual([
      { id: 'g1', marker: '__' },
      { id: 'g2', marker: '___' },
    ]);
  });

  it('passes schema checks for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        textToDoc(text).check();
      }),
    );
  });
});

const articleText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', ' \n \n', '__', '___', '_', ' __ ', '“', '”', '’', '—', '😀', 'é', 'e\u0301', '\t'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('round trip (property)', () => {
  it('layout then join is the identity', () => {
    fc.assert(fc.property(articleText, (text) => joinLayout(layoutText(text)) === text));
  });

  it('import then export with no edits reproduces the input exactly', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        expect(docToText(textToDoc(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => docToText(textToDoc(text)) === text));
  });

  it('survives JSON round trip of the document', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const doc = textToDoc(text);
        const again = schema.nodeFromJSON(JSON.parse(JSON.stringify(doc.toJSON())));
        again.check();
        expect(again.eq(doc)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('plainTextSlice', () => {
  it('keeps a single line inline', () => {
    const slice = plainTextSlice('hello <b>world</b>');
    expect(slice.content.textBetween(0, slice.content.size)).toBe('hello <b>world</b>');
    expect(slice.openStart).toBe(0);
  });
  it('splits blank-line separated text into paragraphs', () => {
    const slice = plainTextSlice('one\r\n\r\ntwo');
    expect(slice.content.childCount).toBe(2);
  });
});
