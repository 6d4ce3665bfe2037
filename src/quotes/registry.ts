/**
 * The speaker registry: every person the article mentions, with the forms it is written in.
 *
 * Design notes (section C of the design note). For each name mention, in document order:
 * exact alias match; else the surname matches exactly one person (and the forenames do not
 * contradict); else a one-word mention matches exactly one person's forename; else a spelling
 * variant (surname of 6+ letters, same first letter, normalised edit distance ≤ 0.25 to exactly
 * one person) is linked and reported; else a new person. An indefinite description creates an
 * unnamed person labelled by its head phrase; a definite one refers to the latest person with the
 * same label, else to the one named person who carries that role ("Hugh Hill, a doctor" … "the
 * doctor"), else to the latest unnamed person with the same head noun. Speakers the user
 * confirmed earlier are loaded first and keep their ids. All lookups are hash-map lookups; the
 * variant search only compares surnames with the same first letter (cached per spelling).
 */
import { isSpellingVariant } from './spelling-variant.ts';
import type { Gender, PersonMention } from './mentions.ts';
import type { KnownSpeaker } from './types.ts';

export { isSpellingVariant } from './spelling-variant.ts';

export interface Entity {
  key: number;
  /** Name words in their canonical (first seen) spelling; empty for unnamed people. */
  tokens: string[];
  /** Display name: the fullest name form, or the description label. */
  name: string;
  /** Every written form seen (name words joined by spaces). */
  forms: Set<string>;
  gender: Gender;
  named: boolean;
  plural: boolean;
  /** Evidence that this is a person (title, appositive, speech verb, two-word name …). */
  person: boolean;
  /** Looks like an organisation or a place. */
  orgish: boolean;
  /** Unnamed: the head noun lemma and the label. */
  head: string;
  /** Roles from titles and appositives ("doctor", "mp"). */
  roles: Set<string>;
  knownId: string | null;
  /** A known speaker an earlier run proposed (not one the user confirmed). */
  proposed: boolean;
  knownAliases: string[];
  /** [canonical, variant] surname spellings linked to this person. */
  variants: [string, string][];
}

export interface Resolution {
  entity: Entity;
  /** The mention was linked through a spelling variant. */
  variant: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/\.$/, '');

export class Registry {
  readonly entities: Entity[] = [];
  private readonly byForm = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byForename = new Map<string, Entity[]>();
  /** Surname spellings (6+ letters) by initial + bigram, with bigram counts: the variant search's filter. */
  private readonly gramIndex = new Map<string, Map<string, number>>();
  private readonly surnameOwners = new Map<string, Set<Entity>>();
  private readonly byLabel = new Map<string, Entity>();
  /**
   * Unnamed speakers an earlier run proposed, by label, in registry order, waiting to be met
   * again. A run starts where the earlier one did: each description that made a new person
   * then takes the next of these instead (keeping its id), so a second run over the same text
   * tells apart the same people as the first.
   */
  private readonly proposedByLabel = new Map<string, Entity[]>();
  private readonly byHead = new Map<string, Entity>();
  private readonly byRole = new Map<string, Entity[]>();
  private readonly variantCache = new Map<string, Entity | null>();

  constructor(known: readonly KnownSpeaker[] = []) {
    for (const speaker of known) this.addKnown(speaker);
  }

  private create(tokens: string[], name: string, named: boolean): Entity {
    const entity: Entity = {
      key: this.entities.length, tokens, name, forms: new Set(), gender: null, named, plural: false, person: false, orgish: false,
      head: '', roles: new Set(), knownId: null, proposed: false, knownAliases: [], variants: [],
    };
    this.entities.push(entity);
    return entity;
  }

  private index(entity: Entity, words: readonly string[]): void {
    if (!words.length) return;
    const form = words.map(norm).join(' ');
    entity.forms.add(words.join(' '));
    if (!this.byForm.has(form)) this.byForm.set(form, entity);
    const surname = norm(words[words.length - 1]!);
    push(this.bySurname, surname, entity);
    if (words.length > 1) push(this.byForename, norm(words[0]!), entity);
  }

  /** Makes a named person's canonical surname findable by the variant search. */
  private indexSurname(entity: Entity): void {
    const canonical = entity.tokens[entity.tokens.length - 1];
    if (!canonical) return;
    const surname = norm(canonical);
    if (surname.length < 6) return;
    let owners = this.surnameOwners.get(surname);
    if (!owners) {
      owners = new Set();
      this.surnameOwners.set(surname, owners);
      for (const [gram, count] of bigrams(surname)) {
        const key = `${surname[0]}|${gram}`;
        let postings = this.gramIndex.get(key);
        if (!postings) this.gramIndex.set(key, (postings = new Map()));
        postings.set(surname, count);
      }
    }
    owners.add(entity);
  }

  private addKnown(speaker: KnownSpeaker): void {
    const looksLikeName = (words: readonly string[]) => words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
    let words = splitName(speaker.name);
    // A speaker the user labels by a description but who also has a name among the aliases (a
    // named person merged into "Belarusian fighter") is found by that name, its other spellings
    // included: the name is theirs, the label stays what the editor chose.
    if (!looksLikeName(words) && speaker.auto !== true) words = speaker.aliases.map(splitName).find(looksLikeName) ?? words;
    const looksNamed = looksLikeName(words);
    const entity = this.create(looksNamed ? words : [], speaker.name, looksNamed);
    entity.knownId = speaker.id;
    entity.proposed = speaker.auto === true;
    entity.knownAliases = [...speaker.aliases];
    entity.person = true;
    if (!looksNamed && entity.proposed) {
      push(this.proposedByLabel, speaker.name.trim().toLowerCase(), entity);
      return;
    }
    if (looksNamed) {
      this.index(entity, words);
      this.indexSurname(entity);
      for (const alias of speaker.aliases) this.index(entity, splitName(alias));
    }
    if (!looksLikeName(splitName(speaker.name))) entity.head = speaker.name.toLowerCase().split(/\s+/).at(-1) ?? '';
    // any of its names may also be how a description labels it ("Belarusian fighter" renamed "Ivan")
    for (const label of [speaker.name, ...speaker.aliases]) {
      const key = label.trim().toLowerCase();
      if (key && !this.byLabel.has(key)) this.byLabel.set(key, entity);
    }
  }

  /** The person a name mention refers to (creating one when needed). */
  resolveName(mention: PersonMention): Resolution {
    const words = mention.nameTokens;
    const result = this.lookupName(words, mention.gender);
    const entity = result?.entity ?? this.create([...words], words.join(' '), true);
    if (!result) {
      this.index(entity, words);
      this.indexSurname(entity);
    }
    else if (!entity.forms.has(words.join(' '))) {
      this.index(entity, words);
      // the fullest form in the canonical spelling becomes the display name
      if (!result.variant && words.length > entity.tokens.length && norm(words[words.length - 1]!) === norm(entity.tokens[entity.tokens.length - 1] ?? '')) {
        entity.tokens = [...words];
        if (!entity.knownId) entity.name = words.join(' ');
      } else if (result.variant && words.length > entity.tokens.length) {
        const canonicalSurname = entity.tokens[entity.tokens.length - 1]!;
        entity.tokens = [...words.slice(0, -1), canonicalSurname];
        if (!entity.knownId) entity.name = entity.tokens.join(' ');
      }
    }
    if (mention.gender && !entity.gender) entity.gender = mention.gender;
    if (mention.personish || mention.titled || mention.speakerEvidence) entity.person = true;
    // "the Kowalski bakery" looks like an organisation until "Anna Kowalski" shows a person
    if (mention.personish || mention.titled) entity.orgish = false;
    else if (mention.orgish && !entity.person) entity.orgish = true;
    if (mention.role) this.addRole(entity, mention.role);
    return { entity, variant: result?.variant ?? false };
  }

  private lookupName(words: readonly string[], gender: Gender = null): Resolution | null {
    if (!words.length) return null;
    const form = words.map(norm).join(' ');
    const surname = norm(words[words.length - 1]!);
    const exact = this.byForm.get(form);
    if (exact) return { entity: exact, variant: this.isVariantOf(exact, words[words.length - 1]!) };
    const forename = words.length > 1 ? norm(words[0]!) : null;
    const compatible = (e: Entity) => !forename || e.tokens.length < 2 || norm(e.tokens[0]!) === forename || norm(e.tokens[0]!)[0] === forename[0] && (forename.length <= 2 || norm(e.tokens[0]!).length <= 2);
    const bySurname = (this.bySurname.get(surname) ?? []).filter((e) => e.named && compatible(e));
    let distinct = [...new Set(bySurname)];
    // "Mrs. Berg" between Anna and Mr. Tom Berg: the title's gender decides
    if (distinct.length > 1 && gender) distinct = distinct.filter((e) => !e.gender || e.gender === gender);
    if (distinct.length > 1 && gender) {
      const sameGender = distinct.filter((e) => e.gender === gender);
      if (sameGender.length === 1) distinct = sameGender;
    }
    if (distinct.length === 1) return { entity: distinct[0]!, variant: this.isVariantOf(distinct[0]!, words[words.length - 1]!) };
    if (distinct.length > 1) return null;
    if (words.length === 1) {
      const byForename = [...new Set(this.byForename.get(surname) ?? [])].filter((e) => e.named);
      if (byForename.length === 1) return { entity: byForename[0]!, variant: false };
    } else if (forename) {
      // "his wife, Ellen" … "Ellen Mills": a person known only by this forename gets the full name
      const single = this.byForm.get(forename);
      if (single && single.named && single.tokens.length === 1 && !this.bySurname.get(forename)?.some((e) => e !== single)) {
        single.tokens = [...words];
        if (!single.knownId) single.name = words.join(' ');
        this.indexSurname(single);
        return { entity: single, variant: false };
      }
    }
    const variant = this.findVariant(surname);
    if (variant && compatible(variant)) return { entity: variant, variant: this.isVariantOf(variant, words[words.length - 1]!) };
    return null;
  }

  /**
   * Whether `written` is another spelling of the person's canonical surname (also when it was
   * seen before or came in as a confirmed alias), recording the pair.
   */
  private isVariantOf(entity: Entity, written: string): boolean {
    const canonical = entity.tokens[entity.tokens.length - 1];
    if (!canonical || norm(canonical) === norm(written) || !isSpellingVariant(norm(canonical), norm(written))) return false;
    if (!entity.variants.some(([, v]) => norm(v) === norm(written))) entity.variants.push([canonical, written]);
    return true;
  }

  /** The one named person whose surname is a close spelling of `surname`, if exactly one. */
  private findVariant(surname: string): Entity | null {
    if (surname.length < 6) return null;
    const cached = this.variantCache.get(surname);
    if (cached !== undefined) return cached;
    // q-gram filter: an edit destroys at most two bigrams, so a spelling within distance d of
    // ours shares at least max(length) - 1 - 2d bigrams (counted with multiplicity)
    const shared = new Map<string, number>();
    for (const [gram, count] of bigrams(surname)) {
      for (const [theirs, theirCount] of this.gramIndex.get(`${surname[0]}|${gram}`) ?? []) {
        if (theirs.length * 4 < surname.length * 3 || surname.length * 4 < theirs.length * 3) continue;
        shared.set(theirs, (shared.get(theirs) ?? 0) + Math.min(count, theirCount));
      }
    }
    const found = new Set<Entity>();
    for (const [theirs, common] of shared) {
      const longer = Math.max(theirs.length, surname.length);
      if (common < longer - 1 - 2 * Math.floor(longer * 0.25) || !isSpellingVariant(theirs, surname)) continue;
      for (const entity of this.surnameOwners.get(theirs) ?? []) if (entity.named && entity.tokens.length) found.add(entity);
    }
    const result = found.size === 1 ? [...found][0]! : null;
    // a miss creates a person with exactly this surname, so a cached miss is never asked again
    this.variantCache.set(surname, result);
    return result;
  }

  private addRole(entity: Entity, role: string): void {
    const r = role.toLowerCase();
    if (entity.roles.has(r)) return;
    entity.roles.add(r);
    push(this.byRole, r, entity);
  }

  /**
   * The person a description refers to. Appositive descriptions belong to their name (resolved
   * by the caller); here: indefinite → new unnamed person, definite or bare → the latest with the
   * same label, the one named person with that role, the latest with the same head, else new.
   */
  resolveDescription(mention: PersonMention): Entity {
    const label = mention.label.toLowerCase();
    if (!mention.indefinite) {
      const sameLabel = this.byLabel.get(label);
      if (sameLabel) return sameLabel;
      const withRole = [...new Set(this.byRole.get(mention.head) ?? [])];
      if (withRole.length === 1 && !mention.plural) return withRole[0]!;
      const sameHead = this.byHead.get(`${mention.head}|${mention.plural ? 'p' : 's'}`);
      if (sameHead) return sameHead;
    } else {
      // a known (user-confirmed) unnamed speaker with this label is the same person
      const known = this.byLabel.get(label);
      if (known?.knownId && !known.proposed) return known;
    }
    const entity = this.proposedByLabel.get(label)?.shift() ?? this.create([], mention.label, false);
    entity.head = mention.head;
    entity.gender = mention.gender;
    entity.plural = mention.plural;
    entity.person = !mention.org;
    entity.orgish = mention.org;
    entity.forms.add(mention.label);
    this.byLabel.set(label, entity);
    this.byHead.set(`${mention.head}|${mention.plural ? 'p' : 's'}`, entity);
    return entity;
  }

  /** Attaches an appositive description's role and gender to a person. */
  describe(entity: Entity, description: PersonMention): void {
    this.addRole(entity, description.head);
    if (!entity.gender && description.gender) entity.gender = description.gender;
    entity.person = true;
    entity.orgish = false;
  }
}

/** Bigram counts of a word. */
function bigrams(word: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < word.length; i++) {
    const gram = word.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Name words of a speaker name typed by the user ("Oleksiy Frantzkevych" → two words). */
export function splitName(name: string): string[] {
  return name.split(/\s+/u).map((w) => w.trim()).filter(Boolean);
}

/** URL-safe id derived from a name: "Oleksiy Frantzkevych" → "oleksiy-frantzkevych". */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'speaker';
}
