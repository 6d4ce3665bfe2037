import { describe, expect, it } from 'vitest';
import { exportPlainText } from '../../../src/export/text.ts';
import { exportWebAnnotations, webAnnotationData, type Annotation, type Selector, type SpecificResource } from '../../../src/export/web-annotation.ts';
import { articleModel } from '../../../src/export/article-model.ts';
import { BELARUSIAN_FIGHTER, buildArticle, SAMPLE_TEXT, sampleDoc } from '../../helpers/sample-doc.ts';

/** The text a TextPositionSelector selects, counting code points. */
function byCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

function selectors(annotation: Annotation): Selector[][] {
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
  return targets.map((t: SpecificResource) => t.selector);
}

describe('exportWebAnnotations', () => {
  it('is an AnnotationCollection with its page embedded', () => {
    const data = JSON.parse(exportWebAnnotations(sampleDoc(), { originalText: SAMPLE_TEXT })) as ReturnType<typeof webAnnotationData>;
    expect(data['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(data.type).toBe('AnnotationCollection');
    expect(data.first.type).toBe('AnnotationPage');
    expect(data.total).toBe(data.first.items.length);
    expect(data.first.items.filter((a) => a.motivation === 'identifying')).toHaveLength(12);
    expect(data.first.items.filter((a) => a.motivation === 'editing')).toHaveLength(2);
  });

  it('identifies the speaker of each quote, with selectors into the corrected text', () => {
    const doc = sampleDoc();
    const text = exportPlainText(doc);
    const data = webAnnotationData(articleModel(doc), { originalText: SAMPLE_TEXT, source: 'article.txt' });
    const first = data.first.items[0]!;
    expect(first.body).toEqual([{ type: 'TextualBody', value: 'Belarusian fighter', purpose: 'identifying', format: 'text/plain' }]);
    expect((first.target as SpecificResource).source).toBe('article.txt');
    for (const annotation of data.first.items.filter((a) => a.motivation === 'identifying')) {
      for (const [quote, position] of selectors(annotation) as [Selector, Selector][]) {
        if (quote.type !== 'TextQuoteSelector' || position.type !== 'TextPositionSelector') throw new Error('selector order');
        expect(byCodePoints(text, position.start, position.end)).toBe(quote.exact);
        expect(text.slice(0, text.indexOf(quote.exact)).endsWith(quote.prefix ?? '')).toBe(true);
      }
    }
  });

  it('reports gap fills as edits of the original text', () => {
    const data = webAnnotationData(articleModel(sampleDoc()), { originalText: SAMPLE_TEXT });
    const edits = data.first.items.filter((a) => a.motivation === 'editing');
    expect(edits.map((e) => e.body!.map((b) => b.value))).toEqual([
      ['tens of', 'gap fill'],
      ['only', 'gap fill'],
    ]);
    const [quote, position] = selectors(edits[0]!)[0]! as [Selector, Selector];
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: '__' });
    if (position.type !== 'TextPositionSelector') throw new Error('selector order');
    expect(byCodePoints(SAMPLE_TEXT, position.start, position.end)).toBe('__');
  });

  it('counts positions in code points, tags suggested speakers and highlights unattributed quotes', () => {
    const doc = buildArticle('😀 Title 👍\n\n🎉🎉 “Ça va 😀,” she said. “No.”', {
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [{ speaker: BELARUSIAN_FIGHTER.id, confirmed: false, confidence: 0.5 }, { speaker: null }],
    });
    const data = webAnnotationData(articleModel(doc));
    const [suggested, unattributed] = data.first.items;
    expect(suggested!.motivation).toBe('identifying');
    expect(suggested!.body![0]!.purpose).toBe('tagging');
    expect(unattributed!.motivation).toBe('highlighting');
    expect(unattributed!.body).toBeUndefined();
    const position = selectors(suggested!)[0]![1]!;
    expect(position).toEqual({ type: 'TextPositionSelector', start: 14, end: 24 });
    expect(byCodePoints(exportPlainText(doc), 14, 24)).toBe('“Ça va 😀,”');
  });

  it('writes created only when given, and ids from idBase', () => {
    const data = webAnnotationData(articleModel(sampleDoc()), { created: '2024-01-15T09:30:00Z', idBase: 'https://example.org/a/1' });
    expect(data.first.items[0]!.created).toBe('2024-01-15T09:30:00Z');
    expect(data.first.items[0]!.id).toBe('https://example.org/a/1#quote-q1');
    expect(JSON.stringify(webAnnotationData(articleModel(sampleDoc())))).not.toContain('created');
  });

  it('targets a quote split over paragraphs with one target per segment, and corrections in the original', () => {
    const original = 'T\n\n“One part.\n\n“Two part,” he said loudly.';
    const doc = buildArticle('T\n\n“One part.\n\n“Two part,” he said.', {
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [
        { speaker: BELARUSIAN_FIGHTER.id, id: 's' },
        { speaker: BELARUSIAN_FIGHTER.id, id: 's' },
      ],
    });
    const data = webAnnotationData(articleModel(doc), { originalText: original });
    expect(Array.isArray(data.first.items[0]!.target)).toBe(true);
    expect(selectors(data.first.items[0]!).map((s) => (s[0] as { exact: string }).exact)).toEqual(['“One part.', '“Two part,”']);
    const edit = data.first.items[1]!;
    expect(edit.motivation).toBe('editing');
    expect(edit.body![0]!.value).toBe('');
    expect(edit.body![1]!.value).toBe('correction');
    expect(selectors(edit)[0]![0]).toMatchObject({ exact: ' loudly' });
  });
});
