import { describe, expect, it } from 'vitest';
import {
  checkParagraphs,
  findArticleBeforeNumber,
  findDoubledSpaces,
  findDoubledWords,
  findSpacesBeforePunctuation,
  findStraightQuotes,
  numberTakesAn,
} from '../../../src/proofread/rules.ts';
import { sampleParagraphs } from './sample.ts';

const texts = (text: string, problems: { start: number; end: number }[]) => problems.map((p) => text.slice(p.start, p.end));

describe('doubled words', () => {
  it('finds a word written twice, whatever its case, and keeps the first', () => {
    const text = 'He saw the the dog. The the end.';
    const found = findDoubledWords(text, 3);
    expect(texts(text, found)).toEqual(['the the', 'The the']);
    expect(found[0]).toMatchObject({ paragraph: 3, rule: 'doubled-word', category: 'repetition' });
    expect(found[1]!.suggestions[0]!.replacement).toBe('The');
  });
  it('leaves correct doubles, names, and words split by punctuation, line breaks or gaps alone', () => {
    for (const text of ['He had had enough.', 'She said that that was wrong.', 'They flew to Walla Walla.', 'Yes, yes.', 'the\nthe', 'the \uFFFC the', 'the __ the', 'then the', 'the theory']) {
      expect(findDoubledWords(text, 0), text).toEqual([]);
    }
  });
});

describe('doubled spaces', () => {
  it('finds two or more spaces between words', () => {
    const text = 'One  two.   Three';
    const found = findDoubledSpaces(text, 0);
    expect(found.map((p) => [p.start, p.end])).toEqual([
      [3, 5],
      [9, 12],
    ]);
    expect(found[0]!.suggestions[0]!.replacement).toBe(' ');
  });
  it('ignores single spaces, leading and trailing spaces and indented lines', () => {
    for (const text of ['One two', '  leading', 'trailing  ', 'line\n  indented', 'end  \nnext']) expect(findDoubledSpaces(text, 0), text).toEqual([]);
  });
});

describe('space before punctuation', () => {
  it('finds a space before , ; : ! ? and a full stop', () => {
    const text = 'Wait , what ? Yes ; no : maybe ! He left .';
    expect(texts(text, findSpacesBeforePunctuation(text, 0))).toEqual([' ,', ' ?', ' ;', ' :', ' !', ' .']);
    expect(findSpacesBeforePunctuation('Wait , now', 0)[0]!.suggestions[0]!.replacement).toBe(',');
  });
  it('leaves decimals, domains, spaced ellipses, gaps and dashes alone', () => {
    for (const text of ['a .45 calibre gun', 'visit example .com today', 'So . . . yes', 'He said … no', 'the gap __ , then', '\uFFFC .', '“ ,', 'a — , b', ' , at start']) {
      expect(findSpacesBeforePunctuation(text, 0), text).toEqual([]);
    }
  });
});

describe('straight quotes in a curly-quote article', () => {
  it('suggests the curly mark for each straight one', () => {
    const text = `He said "yes" and don't 'quote' the soldiers' boots in the '90s.`;
    const found = findStraightQuotes(text, 0);
    expect(found.map((p) => [text[p.start], p.suggestions.map((s) => s.replacement)])).toEqual([
      ['"', ['“']],
      ['"', ['”']],
      ["'", ['’']],
      ["'", ['‘', '’']],
      ["'", ['’']],
      ["'", ['’']],
      ["'", ['’']],
    ]);
  });
  it('leaves primes after digits alone', () => {
    expect(findStraightQuotes(`He is 5'10" tall.`, 0)).toEqual([]);
  });
  it('only runs when the article uses curly quotes', () => {
    const curly = ['“Yes,” he said.', 'She said "no."'];
    expect(checkParagraphs(curly).filter((p) => p.rule === 'straight-quote')).toHaveLength(2);
    const straight = ['"Yes," he said.', 'She said "no."'];
    expect(checkParagraphs(straight).filter((p) => p.rule === 'straight-quote')).toEqual([]);
    expect(checkParagraphs(straight, { curlyQuotes: true }).filter((p) => p.rule === 'straight-quote')).toHaveLength(4);
  });
});

describe('a/an before a number', () => {
  it('knows how figures are read', () => {
    for (const n of ['8', '11', '18', '80', '86', '800', '8,000', '18,000', '11,500', '1800', '8.5', '18000']) expect(numberTakesAn(n), n).toBe(true);
    for (const n of ['1', '2', '10', '12', '100', '110', '180', '1,800', '2024', '100000', '1.8']) expect(numberTakesAn(n), n).toBe(false);
  });
  it('flags the wrong article and suggests the right one in the same case', () => {
    const text = 'It was a 8-year-old boy, an 2-1 win and a £80 fine. An 5% rise.';
    const found = findArticleBeforeNumber(text, 0);
    expect(found.map((p) => [text.slice(p.start, p.end), p.suggestions[0]!.replacement])).toEqual([
      ['a', 'an'],
      ['an', 'a'],
      ['a', 'an'],
      ['An', 'A'],
    ]);
  });
  it('leaves correct articles and a capital A inside a sentence alone', () => {
    expect(findArticleBeforeNumber('an 8-year-old, a 2-1 win, an 11th-hour deal, a 1,800-strong crowd. A 24-year-old man.', 0)).toEqual([]);
    expect(findArticleBeforeNumber('Under Plan A 8 people go.', 0)).toEqual([]);
  });
});

describe('checkParagraphs', () => {
  it('finds nothing in the sample article', () => {
    expect(checkParagraphs(sampleParagraphs)).toEqual([]);
  });
  it('never flags gaps, in either form', () => {
    const paragraphs = ['Title', 'They filled with __ thousands and a \uFFFC and __ __ here.', '“A quote with a __ gap,” he said.', '“\uFFFC,” she said.'];
    expect(checkParagraphs(paragraphs)).toEqual([]);
  });
  it('drops disabled rules and categories', () => {
    const paragraphs = ['Title', 'The the  end .'];
    expect(checkParagraphs(paragraphs).map((p) => p.rule)).toEqual(['doubled-word', 'doubled-space', 'space-before-punctuation']);
    expect(checkParagraphs(paragraphs, { disabledRules: ['doubled-word'] }).map((p) => p.rule)).toEqual(['doubled-space', 'space-before-punctuation']);
    expect(checkParagraphs(paragraphs, { disabledCategories: ['spacing'] }).map((p) => p.rule)).toEqual(['doubled-word']);
  });
  it('returns problems sorted by paragraph and position', () => {
    const paragraphs = ['A  b', 'c ,  d d'];
    const found = checkParagraphs(paragraphs);
    const keys = found.map((p) => [p.paragraph, p.start]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });
});
