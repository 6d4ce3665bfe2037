/**
 * The speaker registry: people the article mentions, with the other ways it names them. A name
 * mention joins an existing person by exact name or alias, by surname or forename when only one
 * person fits, or as a spelling variant (surname of 6+ letters, same first letter, normalised
 * edit distance ≤ 0.25: Frantskevich ~ Frantzkevych); otherwise it is a new person. An indefinite
 * description ("a Belarusian fighter") is a new unnamed person; a definite one with the same head
 * ("the Belarusian fighter") refers back to it.
 */
import type { KnownSpeaker, SpellingVariant } from './types.ts';

export interface Entity {
  id: string;
  name: string;
  aliases: Set<string>;
  gender: 'm' | 'f' | null;
  named: boolean;
}

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** Spelling variants of one name (see the module note). */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b || a.length < 6 || b.length < 6 || a[0] !== b[0]) return false;
  return editDistance(a.toLowerCase(), b.toLowerCase()) / Math.max(a.length, b.length) <= 0.25;
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'speaker'
  );
}

const surname = (name: string) => name.split(' ').pop() ?? name;
const forename = (name: string) => name.split(' ')[0] ?? name;

export class Registry {
  readonly entities: Entity[] = [];
  readonly variants: SpellingVariant[] = [];
  /** Entities linked through a spelling variant (their attributions are less certain). */
  readonly variantLinked = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly known = new Set<string>();

  constructor(known: readonly KnownSpeaker[] = []) {
    for (const speaker of known) {
      this.ids.add(speaker.id);
      // A known speaker is named when every word of the name is capitalised ("Anna Berg", not "Belarusian fighter").
      const named = speaker.name.split(/\s+/).every((word) => /^\p{Lu}/u.test(word));
      this.entities.push({ id: speaker.id, name: speaker.name, aliases: new Set(speaker.aliases), gender: null, named });
      this.known.add(speaker.id);
    }
  }

  private create(name: string, named: boolean, gender: 'm' | 'f' | null): Entity {
    let id = slug(name);
    for (let n = 2; this.ids.has(id); n++) id = `${slug(name)}-${n}`;
    this.ids.add(id);
    const entity: Entity = { id, name, aliases: new Set(), gender, named };
    this.entities.push(entity);
    return entity;
  }

  private matches(name: string): Entity | null {
    const lower = name.toLowerCase();
    return this.entities.find((e) => e.name.toLowerCase() === lower || [...e.aliases].some((a) => a.toLowerCase() === lower)) ?? null;
  }

  /** The person a name mention refers to (created if new); `variant` when linked by spelling. */
  resolveName(name: string, gender: 'm' | 'f' | null): { entity: Entity; variant: boolean } {
    const exact = this.matches(name);
    if (exact) {
      // A known alias that is another spelling of the surname is still a spelling variant.
      const variant = exact.named && exact.name !== name && isSpellingVariant(surname(exact.name), surname(name));
      if (variant && !this.variants.some((v) => v.speaker === exact.id && v.variant === surname(name))) {
        this.variants.push({ speaker: exact.id, canonical: surname(exact.name), variant: surname(name) });
      }
      return { entity: exact, variant };
    }
    const named = this.entities.filter((e) => e.named);
    const last = surname(name);
    const bySurname = named.filter((e) => surname(e.name) === last || [...e.aliases].some((a) => surname(a) === last));
    if (bySurname.length === 1) return { entity: this.adopt(bySurname[0]!, name), variant: false };
    if (!name.includes(' ')) {
      const byForename = named.filter((e) => e.name.includes(' ') && forename(e.name) === name);
      if (byForename.length === 1) return { entity: byForename[0]!, variant: false };
    }
    const similar = named.filter((e) => isSpellingVariant(surname(e.name), last));
    if (similar.length === 1) {
      const entity = similar[0]!;
      entity.aliases.add(name);
      this.variantLinked.add(`${entity.id}|${name}`);
      if (!this.variants.some((v) => v.speaker === entity.id && v.variant === last)) this.variants.push({ speaker: entity.id, canonical: surname(entity.name), variant: last });
      return { entity, variant: true };
    }
    return { entity: this.create(name, true, gender), variant: false };
  }

  /** A longer form of a known person's name becomes their name. */
  private adopt(entity: Entity, name: string): Entity {
    if (name.split(' ').length > entity.name.split(' ').length) {
      entity.aliases.add(entity.name);
      entity.name = name;
    } else if (name !== entity.name) entity.aliases.add(name);
    return entity;
  }

  /** The person a description refers to: definite ones look back for the same head phrase. */
  resolveDescription(label: string, definite: boolean, gender: 'm' | 'f' | null): Entity {
    const lower = label.toLowerCase();
    const same = [...this.entities].reverse().find((e) => e.name.toLowerCase() === lower || [...e.aliases].some((a) => a.toLowerCase() === lower));
    // A definite description, or any description the user already registered, refers back.
    if (same && (definite || this.known.has(same.id))) return same;
    if (definite) {
      // "the fighter" after "a Belarusian fighter": the same head noun.
      const head = lower.split(' ').pop()!;
      const byHead = [...this.entities].reverse().find((e) => !e.named && e.name.toLowerCase().split(' ').pop() === head);
      if (byHead) return byHead;
    }
    return this.create(label, false, gender);
  }

  /** Ties a description to a named person (appositive: "Hugh Hill, a doctor,"). */
  tie(entity: Entity, label: string): void {
    entity.aliases.add(label);
  }
}
