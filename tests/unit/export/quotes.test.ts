import { describe, expect, it } from 'vitest';
import { defuseFormula, exportQuotesCsv, toCsv } from '../../../src/export/quotes-csv.ts';
import { exportQuotesJson, type QuotesJson } from '../../../src/export/quotes-json.ts';
import { exportPlainText } from '../../../src/export/text.ts';
import { BELARUSIAN_FIGHTER, buildArticle, parseCsv, sampleDoc } from '../../helpers/sample-doc.ts';

describe('exportQuotesJson', () => {
  it('lists each quote with its text, offsets into the plain text, speaker and status', () => {
    const doc = sampleDoc();
    const data = JSON.parse(exportQuotesJson(doc)) as QuotesJson;
    const text = exportPlainText(doc);
    expect(data.format).toBe('galley-quotes');
    expect(data.textLength).toBe(text.length);
    expect(data.quotes).toHaveLength(12);
    for (const quote of data.quotes) {
      expect(text.slice(quote.start, quote.end)).toBe(quote.text);
      expect(quote.confirmed).toBe(true);
    }
    expect(data.quotes[0]).toMatchObject({ id: 'q1', number: 1, paragraph: 3, speaker: 'Belarusian fighter', speakerId: 'belarusian-fighter', status: 'confirmed' });
    expect(data.quotes[9]).toMatchObject({ speaker: 'Oleksiy Frantzkevych', paragraph: 13 });
    expect(data.speakers[1]).toEqual({ id: 'oleksiy-frantzkevych', name: 'Oleksiy Frantzkevych', aliases: ['Frantskevich'] });
  });

  it('tells confirmed from suggested speakers', () => {
    const doc = buildArticle('T\n\n“A,” he said. “B.”', {
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [{ speaker: BELARUSIAN_FIGHTER.id, confirmed: false, confidence: 0.8 }, { speaker: null }],
    });
    const data = JSON.parse(exportQuotesJson(doc)) as QuotesJson;
    expect(data.quotes.map((q) => [q.status, q.confirmed, q.speaker, q.confidence])).toEqual([
      ['suggested', false, 'Belarusian fighter', 0.8],
      ['unattributed', false, null, 0],
    ]);
  });
});

describe('exportQuotesCsv', () => {
  it('writes a header and one row per quote, RFC 4180 style', () => {
    const csv = exportQuotesCsv(sampleDoc());
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['number', 'speaker', 'quote', 'paragraph', 'status']);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual(['1', 'Belarusian fighter', '“After the victory of Ukraine, our struggle will only begin,”', '3', 'confirmed']);
    expect(csv.split('\r\n')[1]).toBe('1,Belarusian fighter,"“After the victory of Ukraine, our struggle will only begin,”",3,confirmed');
  });

  it('adds a byte order mark on request', () => {
    expect(exportQuotesCsv(sampleDoc(), { bom: true }).startsWith('\uFEFFnumber,')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', '=1+1', '+1', '-2', '@SUM(A1)', 'plain']])).toBe('"a,b","say ""hi""","x\ny",\'=1+1,\'+1,\'-2,\'@SUM(A1),plain\r\n');
    expect(defuseFormula('\t=cmd')).toBe("'\t=cmd");
    const evil = { id: 'e', name: '=HYPERLINK("http://x","y")', aliases: [] };
    const doc = buildArticle('T\n\n“-1,” he said.', { speakers: [evil], quotes: [{ speaker: 'e' }] });
    const rows = parseCsv(exportQuotesCsv(doc));
    expect(rows[1]).toEqual(['1', "'=HYPERLINK(\"http://x\",\"y\")", '“-1,”', '1', 'confirmed']);
  });
});
