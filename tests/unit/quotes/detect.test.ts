import { describe, expect, it } from 'vitest';
import { countWords, detectQuotes, isTitleLike } from '../../../src/quotes/detect.ts';
import { scanMarks } from '../../../src/quotes/marks.ts';

const texts = (paragraphs: string[]) => detectQuotes(paragraphs).map((q) => q.segments.map((s) => paragraphs[s.paragraph]!.slice(s.start, s.end)));

describe('quote marks', () => {
  it('curly marks say which way they face', () => {
    expect(scanMarks('“Hi,” she said.').map((m) => [m.char, m.role])).toEqual([
      ['“', 'open'],
      ['”', 'close'],
    ]);
  });

  it('a straight " opens at the start, after a space, bracket or dash, and closes otherwise', () => {
    expect(scanMarks('"A," he said ("b") —"c"').map((m) => m.role)).toEqual(['open', 'close', 'open', 'close', 'open', 'close']);
  });

  it('apostrophes are not marks: don’t, Lukashenko’s, ’90s, rock ’n’ roll', () => {
    expect(scanMarks('don’t Lukashenko’s the ’90s rock ’n’ roll it\'s')).toEqual([]);
  });

  it('a closing single mark after s may be a plural possessive', () => {
    const [mark] = scanMarks('the soldiers’ boots');
    expect(mark).toMatchObject({ role: 'close', maybeApostrophe: true });
  });

  it('guillemets and German low-high marks', () => {
    expect(scanMarks('« Oui », „Ja“').map((m) => [m.char, m.role])).toEqual([
      ['«', 'open'],
      ['»', 'close'],
      ['„', 'open'],
      ['“', 'close'],
    ]);
  });
});

describe('detectQuotes', () => {
  it('finds each quote of a paragraph with its marks', () => {
    expect(texts(['T', '“One two three four,” he said. “Five six seven eight.”'])).toEqual([['“One two three four,”'], ['“Five six seven eight.”']]);
  });

  it('nested single quotes stay inside the double quote', () => {
    const result = texts(['T', '“He said ‘no’ and left the room,” she said.']);
    expect(result).toEqual([['“He said ‘no’ and left the room,”']]);
  });

  it('single marks are primary only when the article has no double marks', () => {
    expect(texts(['T', '‘We won’t go back there again,’ she said. The parents’ group agreed.'])).toEqual([['‘We won’t go back there again,’']]);
    expect(texts(['T', '“A b c d,” she said.', 'It was ‘odd’ today.'])).toEqual([['“A b c d,”']]);
  });

  it('a quote reopened in the next paragraph continues: one utterance, several segments', () => {
    const paragraphs = ['T', '“First part of the words', '“second part of the words', '“and the end,” he said.'];
    const [quote] = detectQuotes(paragraphs);
    expect(quote!.segments.map((s) => s.paragraph)).toEqual([1, 2, 3]);
    expect(quote!.unclosed).toBe(false);
    expect(quote!.text.split('\n')).toHaveLength(3);
  });

  it('a quote left open without a continuation is closed at the paragraph end and flagged', () => {
    const paragraphs = ['T', 'He said: “We will never give up on this  ', 'Then he left.'];
    const [quote] = detectQuotes(paragraphs);
    expect(quote).toMatchObject({ unclosed: true });
    expect(paragraphs[1]!.slice(quote!.segments[0]!.start, quote!.segments[0]!.end)).toBe('“We will never give up on this');
  });

  it('a new opening mark while a quote is open ends the open one as unclosed', () => {
    const result = detectQuotes(['T', '“We are here. “Now we go,” he said.']);
    expect(result.map((q) => q.unclosed)).toEqual([true, false]);
  });

  it('a stray closing mark is not a quote', () => {
    expect(detectQuotes(['T', 'He left” and came back.'])).toEqual([]);
  });

  it('classifies: direct with 4+ words or , ! ? — inside, otherwise a term', () => {
    const [a, b, c, d] = detectQuotes(['T', '“One two three four.” “Stop!” “woke” “Yes,” he said.']);
    expect([a!.direct, b!.direct, c!.direct, d!.direct]).toEqual([true, true, false, true]);
  });

  it('titles and so-called terms are not direct quotes even when long', () => {
    const [title, scare] = detectQuotes(['T', 'They read from “The Wind in the Willows” and the so-called “rainy day fund for the city.”']);
    expect(title!.direct).toBe(false);
    expect(scare).toMatchObject({ direct: false, framed: 'so-called' });
    expect(isTitleLike('The Wind in the Willows')).toBe(true);
    expect(isTitleLike('We will win the war')).toBe(false);
  });

  it('gaps count as words', () => {
    expect(countWords('a __ b \uFFFC')).toBe(4);
  });
});
