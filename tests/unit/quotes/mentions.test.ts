import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../../../src/quotes/detect.ts';
import { buildDocument } from '../../../src/quotes/document.ts';
import type { PersonMention } from '../../../src/quotes/mentions.ts';
import { tokenize } from '../../../src/quotes/tokens.ts';

/** Mentions of paragraph 1 of a two-paragraph document (title + `text`). */
function mentions(text: string, extra: string[] = []): PersonMention[] {
  const paragraphs = ['Title', text, ...extra];
  return buildDocument(paragraphs, detectQuotes(paragraphs)).paragraphs[1]!.mentions;
}
const summary = (m: PersonMention) => `${m.kind}:${m.text}${m.subjectLike ? ':S' : ''}${m.object ? ':O' : ''}${m.possessive ? ':P' : ''}`;

describe('tokens', () => {
  it('folds quotes into one token, keeps abbreviations and splits possessives', () => {
    const text = 'Mr. Putin’s men said “we will go.” Then __ came.';
    const start = text.indexOf('“');
    const { tokens, sentences } = tokenize(text, [{ start, end: text.indexOf('”') + 1, quote: 0, segment: 0, endsSentence: true }]);
    expect(tokens.map((t) => t.text)).toEqual(['Mr.', 'Putin', 'men', 'said', '“we will go.”', 'Then', '__', 'came', '.']);
    expect(tokens[1]!.possessive).toBe(true);
    expect(tokens[6]!.kind).toBe('gap');
    expect(sentences).toHaveLength(2);
  });

  it('a quote ending in ! followed by a lowercase word does not end the sentence', () => {
    const text = '“Go!” he shouted.';
    const { sentences } = tokenize(text, [{ start: 0, end: 5, quote: 0, segment: 0, endsSentence: true }]);
    expect(sentences).toHaveLength(1);
  });
});

describe('mentions', () => {
  it('pronouns he, she, they; never I or we', () => {
    expect(mentions('I think we know he and she and they left.').filter((m) => m.kind === 'pronoun').map((m) => m.text)).toEqual(['he', 'she', 'they']);
  });

  it('names with titles, and the title’s gender', () => {
    const [m] = mentions('Mrs. Helen Park said it was late.');
    expect(m).toMatchObject({ kind: 'name', nameTokens: ['Helen', 'Park'], titled: true, gender: 'f', subjectLike: true });
  });

  it('drops a lone capitalised word at the sentence start, keeps the name after it', () => {
    expect(mentions('Last night Khalid Mahmood, a Labour MP, said he was worried.').map(summary)).toEqual([
      'name:Khalid Mahmood:S',
      'description:a Labour MP',
      'pronoun:he:S',
    ]);
  });

  it('keeps a sentence-initial surname when a speech verb follows', () => {
    expect(mentions('Okafor said the plan works.').map(summary)).toEqual(['name:Okafor:S']);
  });

  it('descriptions: determiner, modifiers, head, an "of" phrase; plural heads are plural', () => {
    const found = mentions('A Belarusian fighter met the head of the Crisis Center and 200 climate protesters.');
    expect(found.map((m) => [m.text, m.label, m.plural, m.indefinite])).toEqual([
      ['A Belarusian fighter', 'Belarusian fighter', false, true],
      ['the head of the Crisis Center', 'head of the Crisis Center', false, false],
      ['200 climate protesters', 'climate protesters', true, true],
    ]);
  });

  it('a title description before a name belongs to the name', () => {
    const [m] = mentions('Labour MP Khalid Mahmood spoke.');
    expect(m).toMatchObject({ kind: 'name', nameTokens: ['Khalid', 'Mahmood'], role: 'mp', titled: true });
  });

  it('appositives tie a description to its name in both orders', () => {
    const a = mentions('Hugh Hill, a doctor, said it.');
    expect(a[1]!.appositiveOf).toBe(a[0]);
    expect(a[0]!.subjectLike).toBe(true);
    expect(a[1]!.subjectLike).toBe(false);
    const b = mentions('Her opponent, the incumbent Tomasz Nowicki, conceded.');
    expect(b[0]!.appositiveOf).toBe(b[1]);
    expect(b[1]!.subjectLike).toBe(true);
  });

  it('objects and possessives are never subject-like', () => {
    const found = mentions('A fighter who served in Bakhmut told Newsweek about Putin’s war.');
    expect(found.map(summary)).toEqual(['description:A fighter:S', 'name:Bakhmut:O', 'name:Newsweek:O', 'name:Putin:O:P']);
  });

  it('a lone proper adjective before a lowercase noun is not a name', () => {
    expect(mentions('They drank in Irish bars with Japanese volunteers.').filter((m) => m.kind === 'name')).toEqual([]);
  });

  it('ignores everything inside quotes', () => {
    expect(mentions('“Putin and Lukashenko will fall,” he said.').map(summary)).toEqual(['pronoun:he:S']);
  });

  it('organisations speak through descriptions ("the company"), never as he or she', () => {
    const [m] = mentions('The company said in a statement that it regretted the cuts.');
    expect(m).toMatchObject({ kind: 'description', org: true, head: 'company' });
  });
});
