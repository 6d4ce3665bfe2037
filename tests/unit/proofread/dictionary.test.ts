import { describe, expect, it } from 'vitest';
import { articleNames, buildArticleDictionary, dictionaryLookup, withPossessives } from '../../../src/proofread/dictionary.ts';
import { sampleParagraphs } from './sample.ts';

describe('article dictionary', () => {
  it('takes the names the sample uses consistently, not the variant spellings', () => {
    const names = articleNames(sampleParagraphs);
    for (const name of ['Lukashenka', 'Frantzkevych', 'Bakhmut', 'Severodonetsk', 'Oleksiy', 'Oleksandr', 'OMON', 'Belarusians', 'Newsweek']) expect(names, name).toContain(name);
    expect(names).not.toContain('Lukashenko');
    expect(names).not.toContain('Frantskevich');
  });

  it('does not take words capitalised only at a sentence start or in the title', () => {
    const names = articleNames(['Soldiers Fighting', 'Countless foreigners came. Teh soldiers left.', 'Although they “Returned” it.']);
    expect(names).not.toContain('Countless');
    expect(names).not.toContain('Teh');
    expect(names).not.toContain('Soldiers');
    expect(names).not.toContain('Although');
  });

  it('takes a name at a sentence start when it is possessive or followed by another capitalised word', () => {
    const names = articleNames(['Title', 'Merrington City Council met. Ashcombe’s mayor spoke. Teh end. The report said.']);
    expect(names).toEqual(expect.arrayContaining(['Merrington', 'City', 'Council', 'Ashcombe']));
    expect(names).not.toContain('Teh');
  });

  it('adds possessive forms and the user’s words', () => {
    expect(withPossessives(['Kyiv', 'Lviv’s'])).toEqual(['Kyiv', 'Kyiv’s', "Kyiv's", 'Lviv’s', 'Lviv', "Lviv's"]);
    const dictionary = buildArticleDictionary(sampleParagraphs, ['covid']);
    expect(dictionary).toEqual(expect.arrayContaining(['Lukashenka', 'Lukashenka’s', "Lukashenka's", 'covid', 'covid’s']));
    expect(dictionary).toEqual([...dictionary].sort());
  });

  it('looks words up with possessives, capitals and lower-case entries', () => {
    const known = dictionaryLookup(['Lukashenka', 'covid']);
    for (const word of ['Lukashenka', 'Lukashenka’s', "Lukashenka's", 'LUKASHENKA', 'covid', 'Covid', 'COVID’s']) expect(known(word), word).toBe(true);
    for (const word of ['lukashenka', 'Lukashenko', 'covids']) expect(known(word), word).toBe(false);
  });
});
