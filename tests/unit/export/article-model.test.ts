import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { articleModel } from '../../../src/export/article-model.ts';
import { exportPlainText } from '../../../src/export/text.ts';
import { BELARUSIAN_FIGHTER, buildArticle, sampleDoc } from '../../helpers/sample-doc.ts';

describe('articleModel', () => {
  it('reads the sample: title, 15 paragraphs, 2 gaps, 12 quotes with their speakers', () => {
    const doc = sampleDoc();
    const model = articleModel(doc);
    expect(model.title).toBe('The Belarusian Soldiers Are Fighting For Ukraine');
    expect(model.blocks).toHaveLength(16);
    expect(model.text).toBe(exportPlainText(doc));
    expect(model.gaps.map((g) => [g.fill, model.text.slice(g.start, g.end)])).toEqual([
      ['tens of', 'tens of'],
      ['only', 'only'],
    ]);
    expect(model.quotes).toHaveLength(12);
    expect(model.quotes.map((q) => q.speaker?.id)).toEqual([
      ...Array(7).fill('belarusian-fighter'),
      ...Array(4).fill('oleksiy-frantzkevych'),
      'belarusian-fighter',
    ]);
    for (const quote of model.quotes) {
      expect(quote.status).toBe('confirmed');
      expect(model.text.slice(quote.start, quote.end)).toBe(quote.text);
      expect(quote.text.startsWith('“')).toBe(true);
    }
    expect(model.quotes[8]!.text).toContain('their only hope');
  });

  it('joins the segments of a quote split over paragraphs', () => {
    const doc = buildArticle('T\n\n“First part.\n\n“Second part,” he said.', {
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [
        { speaker: BELARUSIAN_FIGHTER.id, id: 'split' },
        { speaker: BELARUSIAN_FIGHTER.id, id: 'split' },
      ],
    });
    const model = articleModel(doc);
    expect(model.quotes).toHaveLength(1);
    const [quote] = model.quotes;
    expect(quote!.segments.map((s) => [s.block, s.text])).toEqual([
      [1, '“First part.'],
      [2, '“Second part,”'],
    ]);
    expect(quote!.text).toBe('“First part.\n“Second part,”');
  });

  it('keeps suggested and unattributed quotes apart, and names a speaker missing from the registry by its id', () => {
    const doc = buildArticle('T\n\n“A,” x said. “B,” y said. “C.”', {
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [{ speaker: BELARUSIAN_FIGHTER.id, confirmed: false, confidence: 0.7 }, { speaker: null }, { speaker: 'ghost', confirmed: true }],
    });
    const model = articleModel(doc);
    expect(model.quotes.map((q) => [q.status, q.speaker?.name ?? null])).toEqual([
      ['suggested', 'Belarusian fighter'],
      ['unattributed', null],
      ['confirmed', 'ghost'],
    ]);
  });

  it('has offsets into exactly the plain-text export, for any text (CRLF, astral characters)', () => {
    const piece = fc.constantFrom('a', 'Wörd', ' ', '\n', '\r\n', '\n\n', '\r\n\r\n', '__', '😀', '“q”', '\t', ' \n \n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const doc = textToDoc(text);
        const model = articleModel(doc);
        expect(model.text).toBe(exportPlainText(doc));
        expect(model.text).toBe(text);
        for (const block of model.blocks) {
          expect(model.text.slice(block.start, block.end)).toBe(block.text);
          for (const run of block.runs) expect(model.text.slice(run.start, run.end)).toBe(run.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
