import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/export/docx.ts';
import { articleModel } from '../../../src/export/article-model.ts';
import { BELARUSIAN_FIGHTER, buildArticle, sampleDoc, unzip } from '../../helpers/sample-doc.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function xmlPart(files: Map<string, Uint8Array>, path: string): Document {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`no ${path} in the package`);
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(new TextDecoder().decode(bytes), 'application/xml');
  if (errors.length) throw new Error(errors.join('\n'));
  return doc as unknown as Document;
}

const elements = (node: Document | Element, name: string) => [...(node.getElementsByTagNameNS(W, name) as unknown as Element[])];

/** The text of each body paragraph (outside tables), with `<w:br/>` as a newline. */
function paragraphTexts(doc: Document): string[] {
  return elements(doc, 'p')
    .filter((p) => (p.parentNode as Element).localName === 'body')
    .map((p) =>
      elements(p, 'r')
        .map((r) => [...(r.childNodes as unknown as Element[])].map((c) => (c.localName === 't' ? c.textContent : c.localName === 'br' ? '\n' : '')).join(''))
        .join(''),
    );
}

describe('exportDocx', () => {
  it('writes the title and every paragraph of the corrected article', async () => {
    const doc = sampleDoc();
    const bytes = await exportDocx(doc);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const files = unzip(bytes);
    const document = xmlPart(files, 'word/document.xml');
    const model = articleModel(doc);
    expect(paragraphTexts(document)).toEqual(model.blocks.map((b) => b.text));
    const title = elements(document, 'p')[0]!;
    expect(elements(title, 'pStyle')[0]!.getAttributeNS(W, 'val')).toBe('Title');
  });

  it('anchors a comment naming the speaker on each quote, and highlights the quotes', async () => {
    const files = unzip(await exportDocx(sampleDoc()));
    const document = xmlPart(files, 'word/document.xml');
    expect(elements(document, 'commentRangeStart')).toHaveLength(12);
    expect(elements(document, 'commentReference')).toHaveLength(12);
    expect(elements(document, 'highlight').every((h) => h.getAttributeNS(W, 'val') === 'yellow')).toBe(true);
    const comments = elements(xmlPart(files, 'word/comments.xml'), 'comment');
    expect(comments).toHaveLength(12);
    expect(comments[0]!.textContent).toContain('Belarusian fighter');
    expect(comments[7]!.textContent).toContain('Oleksiy Frantzkevych');
    expect(comments[0]!.textContent).toContain('Speaker confirmed by the editor. Quote 1.');
    // No clock readings unless a date is given.
    expect(comments.every((c) => !c.hasAttributeNS(W, 'date'))).toBe(true);
    const core = new TextDecoder().decode(files.get('docProps/core.xml'));
    expect(core).toContain('<dc:title>The Belarusian Soldiers Are Fighting For Ukraine</dc:title>');
    expect(core).not.toContain('dcterms:created');
  });

  it('writes the given date, a table of quotes instead of comments, or neither', async () => {
    const date = new Date(Date.UTC(2024, 0, 15, 9, 30));
    const dated = unzip(await exportDocx(sampleDoc(), { date, speakers: 'both' }));
    expect(elements(xmlPart(dated, 'word/comments.xml'), 'comment')[0]!.getAttributeNS(W, 'date')).toBe('2024-01-15T09:30:00.000Z');
    expect(new TextDecoder().decode(dated.get('docProps/core.xml'))).toContain('>2024-01-15T09:30:00Z</dcterms:created>');

    const table = unzip(await exportDocx(sampleDoc(), { speakers: 'table', highlightQuotes: false }));
    const document = xmlPart(table, 'word/document.xml');
    expect(elements(document, 'commentRangeStart')).toHaveLength(0);
    expect(elements(document, 'highlight')).toHaveLength(0);
    const rows = elements(document, 'tr');
    expect(rows).toHaveLength(13);
    expect(elements(rows[9]!, 'tc').map((c) => c.textContent)).toEqual([
      '9',
      '“They donate money to the army because they know that their only hope for the future depends on the victory in this war, and the Belarusians understand the same.”',
      'Oleksiy Frantzkevych',
      'confirmed',
      '11',
    ]);
  });

  it('keeps hostile text and names as text, and hard breaks as breaks', async () => {
    const evil = { id: 'e', name: '<script>alert(1)</script> & ]]>', aliases: [] };
    const doc = buildArticle('T <b>\n\n“A\u0001 & <script>”\nnext line __', { fills: [']]>'], speakers: [evil, BELARUSIAN_FIGHTER], quotes: [{ speaker: 'e', confirmed: false, confidence: 0.4 }] });
    const files = unzip(await exportDocx(doc));
    const document = xmlPart(files, 'word/document.xml');
    expect(paragraphTexts(document)).toEqual(['T <b>', '“A\uFFFD & <script>”\nnext line ]]>']);
    expect(elements(document, 'highlight')[0]!.getAttributeNS(W, 'val')).toBe('cyan');
    const comment = elements(xmlPart(files, 'word/comments.xml'), 'comment')[0]!;
    expect(comment.textContent).toContain(evil.name);
    expect(comment.textContent).toContain('Speaker suggested (confidence 40%), not confirmed.');
  });
});
