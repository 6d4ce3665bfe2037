import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { exportTei } from '../../../src/export/tei.ts';
import { BELARUSIAN_FIGHTER, buildArticle, FRANTZKEVYCH, SAMPLE_TEXT, sampleDoc } from '../../helpers/sample-doc.ts';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Parses XML, failing on any error (warnings, such as one for U+FFFD, are fine). */
function parseXml(xml: string): Document {
  const problems: string[] = [];
  const onError = (level: string, message: string) => {
    if (level !== 'warning') problems.push(`${level}: ${message}`);
  };
  const doc = new DOMParser({ onError }).parseFromString(xml, 'application/xml');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return doc as unknown as Document;
}

const all = (doc: Document, name: string) => [...(doc.getElementsByTagNameNS(TEI_NS, name) as unknown as Element[])];

describe('exportTei', () => {
  it('is well-formed TEI with a header, the speakers and the body', () => {
    const doc = parseXml(exportTei(sampleDoc(), { originalText: SAMPLE_TEXT }));
    expect(doc.documentElement.namespaceURI).toBe(TEI_NS);
    expect(doc.documentElement.localName).toBe('TEI');
    expect(all(doc, 'title')[0]!.textContent).toBe('The Belarusian Soldiers Are Fighting For Ukraine');
    const people = all(doc, 'person');
    expect(people.map((p) => p.getAttribute('xml:id'))).toEqual(['speaker-belarusian-fighter', 'speaker-oleksiy-frantzkevych']);
    expect([...(people[1]!.getElementsByTagNameNS(TEI_NS, 'persName') as unknown as Element[])].map((n) => [n.getAttribute('type'), n.textContent])).toEqual([
      [null, 'Oleksiy Frantzkevych'],
      ['alias', 'Frantskevich'],
    ]);
    expect(all(doc, 'head')[0]!.textContent).toBe('The Belarusian Soldiers Are Fighting For Ukraine');
    expect(all(doc, 'p').filter((p) => (p.parentNode as Element).localName === 'body')).toHaveLength(15);
    const said = all(doc, 'said');
    expect(said).toHaveLength(12);
    expect(said.map((s) => s.getAttribute('who'))).toEqual([
      ...Array(7).fill('#speaker-belarusian-fighter'),
      ...Array(4).fill('#speaker-oleksiy-frantzkevych'),
      '#speaker-belarusian-fighter',
    ]);
    expect(all(doc, 'supplied').map((s) => s.textContent)).toEqual(['tens of', 'only']);
    expect(all(doc, 'choice')).toHaveLength(0);
  });

  it('encodes corrections as choice/sic/corr, split quotes with next/prev, suggestions with cert', () => {
    const original = 'Title\n\n“We will win. __\n\n“It is close,” he said loudly. A __ end.';
    const doc = buildArticle('Title\n\n“We shall win. __\n\n“It is close,” he said. A __ end.', {
      fills: ['Yes', ''],
      speakers: [BELARUSIAN_FIGHTER, FRANTZKEVYCH],
      quotes: [
        { speaker: FRANTZKEVYCH.id, id: 'q1', confirmed: false, confidence: 0.75 },
        { speaker: FRANTZKEVYCH.id, id: 'q1', confirmed: false, confidence: 0.75 },
      ],
    });
    const xml = exportTei(doc, { originalText: original });
    expect(xml).toContain(
      '<p><said xml:id="quote-q1_part1" who="#speaker-oleksiy-frantzkevych" cert="0.75" next="#quote-q1_part2">“We <choice><sic>will</sic><corr>shall</corr></choice> win. <supplied reason="blank">Yes</supplied></said></p>',
    );
    expect(xml).toContain(
      '<p><said xml:id="quote-q1_part2" who="#speaker-oleksiy-frantzkevych" cert="0.75" prev="#quote-q1_part1">“It is close,”</said> he said<choice><sic> loudly</sic><corr/></choice>. A <gap reason="blank"/> end.</p>',
    );
    parseXml(xml);
  });

  it('splits a correction that crosses a quote boundary and keeps deletions at a boundary outside the quote', () => {
    const original = 'T\n\nHe said “yes, sir” then.';
    const doc = buildArticle('T\n\nHe said “no” then.', { speakers: [BELARUSIAN_FIGHTER], quotes: [{ speaker: BELARUSIAN_FIGHTER.id }] });
    const xml = exportTei(doc, { originalText: original });
    parseXml(xml);
    expect(xml).toContain('<said xml:id="quote-q1" who="#speaker-belarusian-fighter">“<choice><sic>yes, sir</sic><corr>no</corr></choice>”</said>');
  });

  it('escapes hostile text, names and fills and stays well-formed', () => {
    const evil = { id: '1 bad id"', name: '<script>alert(1)</script> & ]]>', aliases: ['" onerror="x'] };
    const doc = buildArticle('T ]]> & <x>\n\n“\u0001<script>alert(1)</script>” __\r', { fills: ['</p><script>'], speakers: [evil], quotes: [{ speaker: evil.id }] });
    const xml = exportTei(doc, { originalText: 'T\n\nsomething else' });
    expect(xml).not.toMatch(/<script/i);
    const parsed = parseXml(xml);
    expect(all(parsed, 'persName')[0]!.textContent).toBe(evil.name);
    const person = all(parsed, 'person')[0]!;
    expect(all(parsed, 'said')[0]!.getAttribute('who')).toBe(`#${person.getAttribute('xml:id')}`);
    expect(person.getAttribute('xml:id')).toMatch(/^[A-Za-z][A-Za-z0-9._-]*$/);
  });

  it('leaves out the speaker list when there are no speakers', () => {
    const xml = exportTei(buildArticle('T\n\nText.'));
    expect(xml).not.toContain('listPerson');
    parseXml(xml);
  });
});
