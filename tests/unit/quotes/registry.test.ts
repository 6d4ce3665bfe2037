import { describe, expect, it } from 'vitest';
import { isSpellingVariant } from '../../../src/quotes/spelling-variant.ts';
import type { PersonMention } from '../../../src/quotes/mentions.ts';
import { Registry, slug } from '../../../src/quotes/registry.ts';

function name(words: string, extra: Partial<PersonMention> = {}): PersonMention {
  const nameTokens = words.split(' ');
  return {
    kind: 'name', paragraph: 1, start: 0, end: words.length, text: words, tokenStart: 0, tokenEnd: nameTokens.length, sentence: 0, gender: null,
    plural: false, possessive: false, object: false, subjectLike: true, nameTokens, titled: false, personish: nameTokens.length > 1, orgish: false,
    org: false, definite: false, indefinite: false, head: '', label: '', role: '', appositiveOf: null, speakerEvidence: false, pronoun: null, pos: 0,
    ...extra,
  };
}
function description(label: string, indefinite: boolean, extra: Partial<PersonMention> = {}): PersonMention {
  const head = label.split(' ').at(-1)!;
  return { ...name(label), kind: 'description', nameTokens: [], label, head, indefinite, definite: !indefinite, personish: false, ...extra };
}

describe('spelling variants', () => {
  it('spelling variants: same first letter, 6+ letters, normalised distance ≤ 0.25', () => {
    expect(isSpellingVariant('Lukashenko', 'Lukashenka')).toBe(true);
    expect(isSpellingVariant('Frantzkevych', 'Frantskevich')).toBe(true);
    expect(isSpellingVariant('Smith', 'Smyth')).toBe(false); // too short
    expect(isSpellingVariant('Johnson', 'Jackson')).toBe(false);
    expect(isSpellingVariant('Kapanadze', 'Hapanadze')).toBe(false); // first letter differs
  });
});

describe('registry', () => {
  it('links a surname to the full name and keeps the fullest form as the name', () => {
    const r = new Registry();
    const a = r.resolveName(name('Smith')).entity;
    const b = r.resolveName(name('Anna Smith')).entity;
    expect(b).toBe(a);
    expect(a.name).toBe('Anna Smith');
  });

  it('does not merge two people who share a surname but not a forename', () => {
    const r = new Registry();
    const frank = r.resolveName(name('Frank Mills')).entity;
    const ellen = r.resolveName(name('Ellen Mills')).entity;
    expect(ellen).not.toBe(frank);
  });

  it('a forename alone finds the one person with that forename', () => {
    const r = new Registry();
    const anna = r.resolveName(name('Anna Kowalski')).entity;
    expect(r.resolveName(name('Anna')).entity).toBe(anna);
  });

  it('a person known by forename only gets the full name when it appears', () => {
    const r = new Registry();
    const ellen = r.resolveName(name('Ellen')).entity;
    expect(r.resolveName(name('Ellen Mills')).entity).toBe(ellen);
    expect(ellen.name).toBe('Ellen Mills');
  });

  it('links a spelling variant, keeps the first spelling canonical and reports the pair', () => {
    const r = new Registry();
    const first = r.resolveName(name('Oleksiy Frantzkevych')).entity;
    const linked = r.resolveName(name('Frantskevich'));
    expect(linked).toMatchObject({ entity: first, variant: true });
    expect(first.name).toBe('Oleksiy Frantzkevych');
    expect(first.variants).toEqual([['Frantzkevych', 'Frantskevich']]);
    // seen again: still a variant (same confidence both times)
    expect(r.resolveName(name('Frantskevich')).variant).toBe(true);
  });

  it('does not link a variant that is close to two people', () => {
    const r = new Registry();
    r.resolveName(name('Ann Lukashenko'));
    r.resolveName(name('Bo Lukashenku'));
    const third = r.resolveName(name('Lukashenka'));
    expect(third.variant).toBe(false);
  });

  it('an indefinite description makes an unnamed person; a definite one with the same head refers to it', () => {
    const r = new Registry();
    const fighter = r.resolveDescription(description('Belarusian fighter', true));
    expect(fighter).toMatchObject({ name: 'Belarusian fighter', named: false });
    expect(r.resolveDescription(description('Belarusian fighter', false))).toBe(fighter);
    expect(r.resolveDescription(description('fighter', false, { head: 'fighter' }))).toBe(fighter);
  });

  it('a definite description finds the named person who has that role', () => {
    const r = new Registry();
    const hill = r.resolveName(name('Hugh Hill')).entity;
    r.describe(hill, description('doctor', true));
    expect(r.resolveDescription(description('doctor', false))).toBe(hill);
  });

  it('known speakers keep their ids and match by name or alias', () => {
    const r = new Registry([{ id: 'custom', name: 'Oleksiy Frantzkevych', aliases: ['Frantskevich'] }, { id: 'fighter-1', name: 'Belarusian fighter', aliases: [] }]);
    expect(r.resolveName(name('Frantskevich')).entity.knownId).toBe('custom');
    expect(r.resolveDescription(description('Belarusian fighter', true)).knownId).toBe('fighter-1');
  });

  it('slugs are lowercase ASCII where possible', () => {
    expect(slug('Oleksiy Frantzkevych')).toBe('oleksiy-frantzkevych');
    expect(slug('Hélène Dubois')).toBe('helene-dubois');
    expect(slug('Katarzyna Wiśniewska')).toBe('katarzyna-wisniewska');
    expect(slug('!!!')).toBe('speaker');
  });
});

describe('known speakers renamed by the user', () => {
  it('an unnamed speaker renamed to a name keeps its quotes through the old label', () => {
    const r = new Registry([{ id: 'ivan', name: 'Ivan', aliases: ['Belarusian fighter'] }]);
    expect(r.resolveDescription(description('Belarusian fighter', true)).knownId).toBe('ivan');
  });
});

describe('known speakers merged by the user', () => {
  it('a named person merged into a described speaker is found by the name, its spellings and the description', () => {
    // "Oleksiy Frantzkevych" (also written Frantskevich) merged into "Belarusian fighter".
    const r = new Registry([{ id: 'fighter', name: 'Belarusian fighter', aliases: ['Oleksiy Frantzkevych', 'Frantskevich'] }]);
    expect(r.resolveName(name('Oleksiy Frantzkevych')).entity.knownId).toBe('fighter');
    expect(r.resolveName(name('Frantskevich')).entity.knownId).toBe('fighter');
    expect(r.resolveName(name('Frantzkevych')).entity.knownId).toBe('fighter');
    expect(r.resolveName(name('Frantzkevich')).entity.knownId).toBe('fighter');
    expect(r.resolveDescription(description('Belarusian fighter', true)).knownId).toBe('fighter');
    expect(r.resolveDescription(description('the Belarusian fighter', false, { label: 'Belarusian fighter' })).knownId).toBe('fighter');
    expect(r.entities[0]!.name).toBe('Belarusian fighter');
  });
});
