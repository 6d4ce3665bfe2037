import { describe, expect, it } from 'vitest';
import {
  areNameVariants,
  checkNameConsistency,
  findNameVariants,
  isOtherFormOf,
} from '../../../src/proofread/consistency.ts';
import { sampleParagraphs, spanText } from './sample.ts';

describe('name variants', () => {
  it('tells another form of a word from another spelling', () => {
    for (const [a, b] of [['russia', 'russian'], ['germany', 'germans'], ['minister', 'ministry'], ['argentina', 'argentine'], ['ukraine', 'ukrainian'], ['belarusian', 'belarusians'], ['sweden', 'swedes']]) {
      expect(isOtherFormOf(a!, b!), `${a} ${b}`).toBe(true);
      expect(areNameVariants(a!, b!), `${a} ${b}`).toBe(false);
    }
    for (const [a, b] of [['lukashenko', 'lukashenka'], ['zelensky', 'zelenskyy'], ['petrov', 'petrova']]) expect(isOtherFormOf(a!, b!), `${a} ${b}`).toBe(false);
    expect(areNameVariants('lukashenko', 'lukashenka')).toBe(true);
    expect(areNameVariants('frantzkevych', 'frantskevich')).toBe(true);
    expect(areNameVariants('zelensky', 'zelenskyy')).toBe(true);
    expect(areNameVariants('lukashenko', 'mukashenko')).toBe(false); // another first letter
  });

  it('finds exactly the two pairs of the sample article, with their counts', () => {
    const groups = findNameVariants(sampleParagraphs);
    expect(groups).toEqual([
      { spellings: [{ text: 'Lukashenka', count: 4 }, { text: 'Lukashenko', count: 2 }] },
      { spellings: [{ text: 'Frantzkevych', count: 2 }, { text: 'Frantskevich', count: 2 }] },
    ]);
  });

  it('reports every occurrence of the variant spelling, offering the other spelling', () => {
    const problems = checkNameConsistency(sampleParagraphs);
    expect(problems.map((p) => spanText(sampleParagraphs, p))).toEqual(['Lukashenko', 'Lukashenko', 'Frantskevich', 'Frantskevich']);
    for (const p of problems) expect(p).toMatchObject({ rule: 'name-consistency', category: 'consistency' });
    expect(problems[0]!.message).toBe('Lukashenko is also spelled Lukashenka in this article (4×)');
    expect(problems[0]!.suggestions).toEqual([{ label: 'Use Lukashenka', replacement: 'Lukashenka' }]);
    // The possessive stays outside the span: "Lukashenko’s" → replace "Lukashenko" only.
    expect(sampleParagraphs[problems[1]!.paragraph]!.slice(problems[1]!.start, problems[1]!.end + 2)).toBe('Lukashenko’s');
    expect(problems[2]!.message).toBe('Frantskevich is also spelled Frantzkevych in this article (2×)');
  });

  it('does not group ordinary words capitalised only at sentence starts', () => {
    const paragraphs = ['Title', 'Though it rained, they went. Through the night they walked.', 'Though tired, they sang.'];
    expect(findNameVariants(paragraphs)).toEqual([]);
  });

  it('does not group forms of one word, nor short words', () => {
    const paragraphs = ['Title', 'The Russian army left Russia for Germany; the Germans stayed.', 'The Minister and the Ministry met Smith and Smyth.'];
    expect(findNameVariants(paragraphs)).toEqual([]);
  });

  it('offers every other spelling when a name has three, and keeps capitals', () => {
    const paragraphs = ['ZELENSKY SPEAKS', 'President Zelensky spoke. Then Zelensky left.', 'Later Zelenskyy and Zelenskiy met.'];
    const groups = findNameVariants(paragraphs);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.spellings.map((s) => s.text)).toEqual(['Zelensky', 'Zelenskyy', 'Zelenskiy']);
    expect(groups[0]!.spellings[0]!.count).toBe(3);
    const problems = checkNameConsistency(paragraphs);
    expect(problems.map((p) => spanText(paragraphs, p))).toEqual(['Zelenskyy', 'Zelenskiy']);
    expect(problems[0]!.suggestions.map((s) => s.replacement)).toEqual(['Zelensky', 'Zelenskiy']);
    expect(problems[0]!.message).toBe('Zelenskyy is also spelled Zelensky (3×) and Zelenskiy (1×) in this article');
  });

  it('keeps an all-capitals occurrence in capitals', () => {
    const paragraphs = ['LUKASHENKA WINS', 'Mr Lukashenko won. Mr Lukashenko said so.'];
    const problems = checkNameConsistency(paragraphs);
    expect(problems.map((p) => [p.paragraph, spanText(paragraphs, p), p.suggestions[0]!.replacement])).toEqual([[0, 'LUKASHENKA', 'LUKASHENKO']]);
  });

  it('is fast on a long article', () => {
    const long = Array.from({ length: 40 }, () => sampleParagraphs).flat();
    const started = performance.now();
    expect(findNameVariants(long)).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
