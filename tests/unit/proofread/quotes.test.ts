import { describe, expect, it } from 'vitest';
import { checkQuoteMarks, isApostrophe, opensFullQuotation, usesCurlyQuotes } from '../../../src/proofread/quotes.ts';

const rules = (paragraphs: string[]) => checkQuoteMarks(paragraphs).map((p) => [p.paragraph, p.rule, paragraphs[p.paragraph]!.slice(p.start, p.end)]);

describe('quotation marks', () => {
  it('accepts balanced quotations of every supported style', () => {
    const ok = [
      '“We will win,” he said. “And we will.”',
      'Il a dit « bonjour » et „Hallo“ und »Tschüss« und „Cześć” and ‹oui› and ‚ja‘.',
      'He said ‘maybe’ and then “she said ‘no’ to me.”',
      '"Straight quotes," he said, "work too."',
      'Mixed “curly and straight," he said.',
    ];
    for (const text of ok) expect(rules([text]), text).toEqual([]);
  });

  it('reports a quotation left open', () => {
    expect(rules(['“We will win, he said.'])).toEqual([[0, 'unclosed-quote', '“']]);
    expect(rules(['He said ‘maybe and left.'])).toEqual([[0, 'unclosed-quote', '‘']]);
    expect(rules(['He said "maybe and left.'])).toEqual([[0, 'unclosed-quote', '"']]);
  });

  it('accepts a quotation running on into a paragraph that opens with a quotation mark', () => {
    expect(rules(['“It was wrapped in a blanket.', '“Then I wiped it.”'])).toEqual([]);
    expect(rules(['He said: “It was wrapped in a blanket.', '“Then I wiped it.”'])).toEqual([]);
    expect(rules(['« Il pleuvait.', '« Puis il a cessé. »'])).toEqual([]);
  });

  it('still reports the last paragraph of a running quotation if it is never closed', () => {
    expect(rules(['“It was wrapped.', '“Then I wiped it.', 'He left.'])).toEqual([[1, 'unclosed-quote', '“']]);
  });

  it('does not excuse a partial quotation opened inside a sentence', () => {
    expect(rules(['The decision had been “painful but unavoidable.', '“We have to build cars,” she said.'])).toEqual([[0, 'unclosed-quote', '“']]);
  });

  it('reports a closing mark with nothing open', () => {
    expect(rules(['We will win,” he said.'])).toEqual([[0, 'unopened-quote', '”']]);
    expect(rules(['We will win» he said.'])).toEqual([[0, 'unopened-quote', '»']]);
  });

  it('reports a closing mark of the wrong kind and suggests the right one', () => {
    const found = checkQuoteMarks(['“We will win» he said.']);
    expect(found.map((p) => [p.rule, p.suggestions[0]?.replacement])).toEqual([['mismatched-quote', '”']]);
    expect(rules(['« Bonjour ” dit-il.'])).toEqual([[0, 'mismatched-quote', '”']]);
  });

  it('reports a single quotation left open inside a closed double one', () => {
    expect(rules(['“She said ‘no to me.”'])).toEqual([[0, 'unclosed-quote', '‘']]);
  });

  it('treats apostrophes as apostrophes', () => {
    const ok = ['Lukashenka’s regime and the soldiers’ boots, don’t, O’Neill, the ’90s, rock ’n’ roll, ’em, the \uFFFC’s gap, the 1990’s.', '‘It’s the soldiers’ choice,’ he said.'];
    for (const text of ok) expect(rules([text]), text).toEqual([]);
    expect(isApostrophe('don’t', 3)).toBe(true);
    expect(isApostrophe('the ’90s', 4)).toBe(true);
    expect(isApostrophe('‘yes’ he', 4)).toBe(false);
  });

  it('ignores gaps inside quotations', () => {
    expect(rules(['“Their __ hope,” he said.', '“\uFFFC,” she said.'])).toEqual([]);
  });

  it('knows a full quotation from a partial one', () => {
    expect(opensFullQuotation('“Hi', 0)).toBe(true);
    expect(opensFullQuotation('He said, “Hi', 9)).toBe(true);
    expect(opensFullQuotation('He was “tired', 7)).toBe(false);
  });
});

describe('usesCurlyQuotes', () => {
  it('says whether curly marks are at least as common as straight ones', () => {
    expect(usesCurlyQuotes(['“Yes,” he said. It’s fine.'])).toBe(true);
    expect(usesCurlyQuotes(['"Yes," he said. It\'s fine.'])).toBe(false);
    expect(usesCurlyQuotes(['No quotes at all.'])).toBe(false);
    expect(usesCurlyQuotes(['“Yes,” he said.', 'A "slip".'])).toBe(true);
  });
});
