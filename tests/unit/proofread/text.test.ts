import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, gapRanges, isSentenceStart, matchCase, stripPossessive, words } from '../../../src/proofread/text.ts';

describe('code points to UTF-16', () => {
  it('is the identity without astral characters', () => {
    const map = codePointToUtf16('plain “text” – é');
    expect([0, 5, 16, 99].map(map)).toEqual([0, 5, 16, 16]);
  });
  it('shifts offsets after each emoji', () => {
    const text = 'He said 😀😀 that teh dog 👍🏽 barked.';
    const map = codePointToUtf16(text);
    // "teh" is at code points 16–19, UTF-16 indices 18–21.
    expect([...text].slice(16, 19).join('')).toBe('teh');
    expect([map(16), map(19)]).toEqual([18, 21]);
    expect(text.slice(map(16), map(19))).toBe('teh');
    const cpIndexOfBarked = [...text].indexOf('b', 20);
    expect(text.slice(map(cpIndexOfBarked), map(cpIndexOfBarked + 6))).toBe('barked');
    expect(map(codePointLength(text))).toBe(text.length);
  });
  it('counts a lone surrogate as one code point', () => {
    const text = 'a\uD83Db';
    expect(codePointLength(text)).toBe(3);
    expect(codePointToUtf16(text)(2)).toBe(2);
  });
});

describe('text helpers', () => {
  it('finds gaps', () => {
    expect(gapRanges('a __ b \uFFFC c ___')).toEqual([
      [2, 4],
      [7, 8],
      [11, 14],
    ]);
  });
  it('splits words with inner apostrophes', () => {
    expect(words('Don’t stop, O’Neill’s men.').map((w) => w.text)).toEqual(['Don’t', 'stop', 'O’Neill’s', 'men']);
    expect(stripPossessive('O’Neill’s')).toBe('O’Neill');
    expect(stripPossessive("Kyiv's")).toBe('Kyiv');
  });
  it('knows where a sentence may start', () => {
    const text = 'He left. “Then Bob came,” said Ann: Yes.\nNext';
    expect(isSentenceStart(text, 0)).toBe(true);
    expect(isSentenceStart(text, text.indexOf('Then'))).toBe(true);
    expect(isSentenceStart(text, text.indexOf('Bob'))).toBe(false);
    expect(isSentenceStart(text, text.indexOf('Ann'))).toBe(false);
    expect(isSentenceStart(text, text.indexOf('Yes'))).toBe(true);
    expect(isSentenceStart(text, text.indexOf('Next'))).toBe(true);
  });
  it('matches case', () => {
    expect(matchCase('The', 'a')).toBe('A');
    expect(matchCase('NATO', 'otan')).toBe('OTAN');
    expect(matchCase('the', 'A')).toBe('A');
  });
});
