/**
 * analyzeQuotes: every quotation in an article and who said it, following
 * shared/design/quotes.md.
 *
 * Pipeline: detect.ts pairs quote marks into quotes (several segments when one utterance runs
 * over paragraphs); document.ts tokenises each paragraph with quotes folded into single tokens
 * and finds person mentions outside quotes (mentions.ts); registry.ts links mentions to people
 * (aliases, surnames, spelling variants, unnamed people by description); attribute.ts runs the
 * sieves (sieves.ts for explicit cues, pronouns.ts for he/she/they, then same paragraph,
 * previous sentence, floating). This module turns the result into the public QuoteAnalysis:
 * speakers are the people who speak at least one returned quote, in order of their first quote,
 * with stable ids (the user-confirmed id when known, else a slug of the name).
 */
import { attribute, type Attribution } from './attribute.ts';
import { detectQuotes } from './detect.ts';
import { buildDocument } from './document.ts';
import { Registry, slug, type Entity } from './registry.ts';
import type { DecidedQuote, DetectedQuote, KnownSpeaker, QuoteAnalysis, SpeakerEntity, SpellingVariant } from './types.ts';

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

/** Words of `name` as a lowercase list, for "is this form just part of the name?". */
const wordsOf = (s: string) => s.toLowerCase().split(/\s+/u).filter(Boolean);

function isPartOf(form: string, name: string): boolean {
  const f = wordsOf(form);
  const n = wordsOf(name);
  if (!f.length) return true;
  for (let i = 0; i + f.length <= n.length; i++) if (f.every((w, k) => w === n[i + k])) return true;
  return false;
}

/** The aliases to show for a person: confirmed aliases, then other written forms not contained in the name. */
function aliasesOf(entity: Entity): string[] {
  const out: string[] = [];
  const seen = new Set<string>([entity.name.toLowerCase()]);
  for (const alias of entity.knownAliases) {
    if (!seen.has(alias.toLowerCase())) {
      seen.add(alias.toLowerCase());
      out.push(alias);
    }
  }
  if (entity.named) {
    for (const form of entity.forms) {
      if (seen.has(form.toLowerCase()) || isPartOf(form, entity.name)) continue;
      seen.add(form.toLowerCase());
      out.push(form);
    }
  }
  return out;
}

/**
 * Finds the quotations of an article and attributes them to speakers.
 *
 * `paragraphs` are the article's blocks in order (index 0 is the title); offsets in the result
 * are JavaScript string offsets into those strings. `knownSpeakers` are speakers the user
 * confirmed earlier: a mention matching one of them (by name or alias) reuses its id.
 * Runs in time roughly linear in the text length.
 */
export function analyzeQuotes(paragraphs: readonly string[], options?: { knownSpeakers?: readonly KnownSpeaker[]; decided?: readonly DecidedQuote[] }): QuoteAnalysis {
  const raw = detectQuotes(paragraphs);
  const doc = buildDocument(paragraphs, raw);
  const registry = new Registry(options?.knownSpeakers ?? []);
  const states = attribute(doc, raw, registry, options?.decided ?? []);
  const kept = states.filter((s) => s.keep);

  // speakers in order of their first quote, with unique ids
  const speakers: SpeakerEntity[] = [];
  const idOf = new Map<Entity, string>();
  const usedIds = new Set<string>();
  for (const known of options?.knownSpeakers ?? []) usedIds.add(known.id);
  const speakerOrder: Entity[] = [];
  const ordered = new Set<Entity>();
  for (const state of kept) if (state.speaker) ordered.add(state.speaker);
  speakerOrder.push(...ordered);
  for (const entity of speakerOrder) {
    let id = entity.knownId;
    if (!id) {
      const base = slug(entity.name);
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
    }
    idOf.set(entity, id);
    speakers.push({ id, name: entity.name, aliases: aliasesOf(entity), gender: entity.plural ? null : entity.gender, named: entity.named });
  }

  const variants: SpellingVariant[] = [];
  for (const entity of speakerOrder) {
    for (const [canonical, variant] of entity.variants) variants.push({ speaker: idOf.get(entity)!, canonical, variant });
  }

  const quotes = kept.map((state) => toDetected(state, paragraphs, idOf));
  return { quotes, speakers, variants };
}

function toDetected(state: Attribution, paragraphs: readonly string[], idOf: ReadonlyMap<Entity, string>): DetectedQuote {
  const candidates = [...state.candidates]
    .filter(([entity]) => idOf.has(entity))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([entity, score]) => ({ speaker: idOf.get(entity)!, score: round(score) }));
  const mention = state.mention;
  return {
    segments: state.raw.segments.map((s) => ({ paragraph: s.paragraph, start: s.start, end: s.end })),
    text: state.raw.segments.map((s) => paragraphs[s.paragraph]!.slice(s.start, s.end)).join('\n'),
    kind: state.kind,
    unclosed: state.raw.unclosed,
    speaker: state.speaker ? (idOf.get(state.speaker) ?? null) : null,
    confidence: state.speaker ? round(state.confidence) : 0,
    sieve: state.speaker ? state.sieve : null,
    mention: mention ? { paragraph: mention.paragraph, start: mention.start, end: mention.end, text: mention.text } : null,
    evidence: state.evidence(),
    candidates,
  };
}
