/**
 * The Harper adapter with the real harper.js in Node (LocalLinter over harper.js/binary).
 * Loading takes a few seconds, so one engine is shared by the whole file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/proofread/check-article.ts';
import { buildArticleDictionary } from '../../../src/proofread/dictionary.ts';
import type { HarperEngine } from '../../../src/proofread/engine.ts';
import { sharedHarperNode } from '../../../src/proofread/harper-node.ts';
import { sampleParagraphs, spanText } from './sample.ts';

let engine: HarperEngine;

beforeAll(async () => {
  engine = (await sharedHarperNode()).engine;
}, 120_000);

describe('Harper in Node', () => {
  it('reports no name the sample article spells consistently as a misspelling', { timeout: 120_000 }, async () => {
    const problems = await checkArticle(sampleParagraphs, engine);
    const spelling = problems.filter((p) => p.category === 'spelling').map((p) => spanText(sampleParagraphs, p));
    for (const name of ['Lukashenka', 'Frantzkevych', 'Bakhmut', 'Severodonetsk', 'Oleksiy', 'Oleksandr', 'OMON', 'Belarusians', 'Newsweek']) {
      expect(spelling.join(' '), name).not.toContain(name);
    }
    // The variant spellings are reported once each, as consistency problems, not twice.
    expect(problems.map((p) => [p.rule, spanText(sampleParagraphs, p)])).toEqual([
      ['name-consistency', 'Lukashenko'],
      ['name-consistency', 'Lukashenko'],
      ['name-consistency', 'Frantskevich'],
      ['name-consistency', 'Frantskevich'],
    ]);
  });

  it('without the article dictionary, Harper would flag the names', async () => {
    const problems = await engine.lint(sampleParagraphs, { dictionary: [] });
    expect(problems.filter((p) => p.rule === 'SpellCheck').map((p) => spanText(sampleParagraphs, p))).toContain('Bakhmut');
    const filtered = await engine.lint(sampleParagraphs, { dictionary: buildArticleDictionary(sampleParagraphs) });
    expect(filtered.filter((p) => p.rule === 'SpellCheck').map((p) => spanText(sampleParagraphs, p))).not.toContain('Bakhmut');
  });

  it('a word in the article dictionary is flagged by no spelling rule (SplitWords: “aproved” → “a proved”)', async () => {
    const paragraphs = ['Title', 'The mayor aproved it and the board aproved it too.'];
    expect((await checkArticle(paragraphs, engine)).filter((p) => p.category === 'spelling').length).toBeGreaterThan(0);
    expect(await checkArticle(paragraphs, engine, { dictionary: ['aproved'] })).toEqual([]);
  });

  it('a space before a comma is one problem, about spacing, hidden with the Spacing category', async () => {
    const paragraphs = ['Title', 'The council met on Monday , officials said.'];
    expect((await checkArticle(paragraphs, engine)).map((p) => [p.category, spanText(paragraphs, p)])).toEqual([['spacing', ' ,']]);
    expect(await checkArticle(paragraphs, engine, { disabledCategories: ['spacing'] })).toEqual([]);
  });

  it('keeps the Oxford comma rule off by default and switches it on on request', async () => {
    const paragraphs = ['Title', 'We bought apples, pears and plums.'];
    expect((await checkArticle(paragraphs, engine)).map((p) => p.rule)).not.toContain('OxfordComma');
    const on = await checkArticle(paragraphs, engine, { disabledRules: [] });
    expect(on.map((p) => p.rule)).toContain('OxfordComma');
  });

  it('does not ask for “frontline” or “pick up” in news copy', async () => {
    const paragraphs = ['Title', 'Soldiers on the front line drove pickup trucks.'];
    expect(await checkArticle(paragraphs, engine)).toEqual([]);
  });

  it('catches a/an, doubled words and misspellings, with suggestions', async () => {
    const paragraphs = ['Title', 'He ate a apple and an banana.', 'The the dog barked at teh postman.', 'A enormous crowd gathered.'];
    const problems = await checkArticle(paragraphs, engine);
    const found = problems.map((p) => [p.paragraph, p.rule, spanText(paragraphs, p), p.suggestions[0]?.replacement]);
    expect(found).toEqual(
      expect.arrayContaining([
        [1, 'AnA', 'a', 'an'],
        [1, 'AnA', 'an', 'a'],
        [2, 'doubled-word', 'The the', 'The'],
        [2, 'SpellCheck', 'teh', 'the'],
        [3, 'AnA', 'A', 'An'],
      ]),
    );
    // "teh" is reported once (Harper's SpellCheck and its "The" rule are merged).
    expect(problems.filter((p) => spanText(paragraphs, p) === 'teh')).toHaveLength(1);
  });

  it('places problems after emoji on the right characters', async () => {
    const paragraphs = ['Title', 'He said 😀😀 that teh dog 👍🏽 recieved a apple.'];
    const problems = await engine.lint(paragraphs, {});
    const texts = problems.map((p) => spanText(paragraphs, p));
    expect(texts).toEqual(expect.arrayContaining(['teh', 'recieved', 'a']));
  });

  it('never reports a gap, nor a/an before one', async () => {
    const paragraphs = ['Title', 'They were filled with __ thousands and a __ apple and a \uFFFC idea.'];
    expect(await checkArticle(paragraphs, engine)).toEqual([]);
  });

  it('checks British spelling in a British article and American in an American one', async () => {
    const british = ['Title', 'The colour of the town centre was grey, the councillor said.'];
    expect((await checkArticle(british, engine)).filter((p) => p.category === 'spelling')).toEqual([]);
    const american = ['Title', 'The color of the town center was gray, the councilor said.'];
    expect((await checkArticle(american, engine)).filter((p) => p.category === 'spelling')).toEqual([]);
    const forced = await checkArticle(british, engine, { dialect: 'american' });
    expect(forced.filter((p) => p.rule === 'SpellCheck').map((p) => spanText(british, p))).toEqual(expect.arrayContaining(['colour', 'centre']));
  });

  it('lists Harper’s rules, including the ones Galley switches off', async () => {
    const names = await engine.ruleNames();
    for (const rule of ['SpellCheck', 'AnA', 'OxfordComma', 'LongSentences', 'CompoundNouns', 'PhrasalVerbAsCompoundNoun', 'RepeatedWords']) expect(names).toContain(rule);
  });
});
