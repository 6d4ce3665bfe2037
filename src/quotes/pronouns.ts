/**
 * Pronoun resolution for he / she / they (section E of the design note).
 *
 * 1. The most recent subject-like person mention outside quotes, after the previous attributed
 *    quote and before the pronoun, that agrees in gender and number. Plural mentions are skipped
 *    for he/she; possessives and objects never count.
 * 2. Otherwise the previous quote's speaker, if it agrees.
 * 3. Otherwise the most recent agreeing person mention (objects included), at low confidence.
 * 4. Never someone named inside the quotes of the pronoun's own paragraph.
 *
 * Design notes: the scan walks back over the document-ordered mention list and is bounded (a
 * fixed number of mentions and paragraphs), so resolving every pronoun stays linear. A pronoun
 * antecedent is itself resolved through the same function (memoised by the caller).
 */
import type { PersonMention } from './mentions.ts';
import type { Entity } from './registry.ts';

export interface PronounContext {
  /** Every mention in document order. */
  mentions: readonly PersonMention[];
  /** The person a mention refers to (names, descriptions, and pronouns recursively). */
  entityOf(mention: PersonMention): Entity | null;
  /** The latest quote with a speaker that ends before `pos`. */
  lastAttributedBefore(pos: number): { end: number; entity: Entity } | null;
  /** Lowercased capitalised words inside the quotes of a paragraph. */
  quotedNames(paragraph: number): ReadonlySet<string>;
}

export interface PronounResolution {
  entity: Entity;
  step: 1 | 2 | 3;
  /** The antecedent mention (steps 1 and 3). */
  via: PersonMention | null;
  /** Other agreeing people met on the way, most recent first. */
  others: Entity[];
}

const WINDOW_MENTIONS = 80;
const WINDOW_PARAGRAPHS = 4;

/** Whether person `entity` (mentioned as `mention`, if any) can be referred to by `pronoun`. */
export function agrees(pronoun: 'he' | 'she' | 'they', entity: Entity, mention: PersonMention | null): boolean {
  const plural = entity.plural || !!mention?.plural;
  if (pronoun === 'they') return plural;
  if (plural || mention?.org || entity.orgish) return false;
  const gender = entity.gender ?? mention?.gender ?? null;
  return gender === null || gender === (pronoun === 'he' ? 'm' : 'f');
}

function isPersonMention(m: PersonMention, entity: Entity): boolean {
  if (m.kind === 'pronoun' || m.kind === 'description') return true;
  return entity.person && !(entity.orgish && !m.personish);
}

function namedInQuotes(entity: Entity, names: ReadonlySet<string>): boolean {
  if (!entity.named || !names.size) return false;
  return entity.tokens.some((t) => names.has(t.toLowerCase())) || [...entity.forms].some((f) => names.has(f.toLowerCase()));
}

/** Resolves the pronoun at `index` of `ctx.mentions`; null when nobody agrees. */
export function resolvePronoun(ctx: PronounContext, index: number): PronounResolution | null {
  const pronoun = ctx.mentions[index]!;
  const kind = pronoun.pronoun!;
  const excluded = ctx.quotedNames(pronoun.paragraph);
  const boundary = ctx.lastAttributedBefore(pronoun.pos);
  const others: Entity[] = [];
  const note = (e: Entity) => {
    if (!others.includes(e)) others.push(e);
  };
  let fallback: { entity: Entity; via: PersonMention } | null = null;
  let step1: { entity: Entity; via: PersonMention } | null = null;
  for (let i = index - 1, seen = 0; i >= 0 && seen < WINDOW_MENTIONS; i--, seen++) {
    const m = ctx.mentions[i]!;
    if (pronoun.paragraph - m.paragraph > WINDOW_PARAGRAPHS) break;
    if (m.possessive) continue;
    const entity = ctx.entityOf(m);
    if (!entity || !isPersonMention(m, entity) || !agrees(kind, entity, m) || namedInQuotes(entity, excluded)) continue;
    const afterBoundary = !boundary || m.pos >= boundary.end;
    if (m.subjectLike && !m.object && afterBoundary && !step1) step1 = { entity, via: m };
    else if (!fallback && !step1) fallback = { entity, via: m };
    if (entity !== step1?.entity) note(entity);
    if (step1 && others.length >= 2) break;
  }
  if (step1) return { entity: step1.entity, step: 1, via: step1.via, others: others.filter((e) => e !== step1.entity) };
  if (boundary && agrees(kind, boundary.entity, null) && !namedInQuotes(boundary.entity, excluded)) {
    return { entity: boundary.entity, step: 2, via: null, others: others.filter((e) => e !== boundary.entity) };
  }
  if (fallback) return { entity: fallback.entity, step: 3, via: fallback.via, others: others.filter((e) => e !== fallback.entity) };
  return null;
}
