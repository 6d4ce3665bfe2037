/**
 * The editor's decisions as input to attribution: each quote the editor confirmed (a span of the
 * block texts and a known speaker's id) marks the detected quotes over its words as said by that
 * speaker. Attribution takes them as given (sieve 'user') before any sieve runs, so the sieves
 * that lean on other quotes (same paragraph, pronouns) follow the decision.
 *
 * With a decision comes the mention of the quote's own cue ("a spokesman said"): those words now
 * name the decided speaker, so they do not stand between the quote and the next one of its
 * paragraph as somebody else.
 */
import type { RawQuote } from './detect.ts';
import type { DocumentModel } from './document.ts';
import type { PersonMention } from './mentions.ts';
import type { Entity, Registry } from './registry.ts';
import { cueAfter, cueBefore, segmentShape } from './sieves.ts';
import type { DecidedQuote } from './types.ts';

export interface DecidedSpeaker {
  entity: Entity;
  /** The subject of the quote's own cue, if it has one. */
  mention: PersonMention | null;
}

/** A detected quote's segment in its paragraph: the quote, which segment, its token. */
interface SegmentAt<Q> {
  state: Q;
  segment: number;
  token: number;
}

/**
 * The detected quotes the editor has decided, each with its speaker. `segmentsIn[p]` lists the
 * quote segments of paragraph p. A decision decides a detected quote when its spans cover at
 * least half of that quote's text: a quote the editor marked inside a longer one (its last
 * sentence, say) is a quote of its own, and says nothing about who said the rest. Decisions
 * naming a speaker the registry does not know, or covering no detected quote, decide nothing; the
 * first decision over a quote wins.
 */
export function decidedSpeakers<Q extends { raw: RawQuote }>(
  doc: DocumentModel,
  registry: Registry,
  decided: readonly DecidedQuote[],
  segmentsIn: readonly (readonly SegmentAt<Q>[])[],
): Map<Q, DecidedSpeaker> {
  const result = new Map<Q, DecidedSpeaker>();
  if (decided.length === 0) return result;
  const byId = new Map<string, Entity>();
  for (const entity of registry.entities) if (entity.knownId) byId.set(entity.knownId, entity);
  for (const decision of decided) {
    const entity = byId.get(decision.speaker);
    if (!entity) continue;
    // per detected quote: how much of it the decision covers, and where its first covered segment is
    const covered = new Map<Q, { chars: number; paragraph: number; segment: number; token: number }>();
    for (const span of decision.spans) {
      if (!doc.paragraphs[span.paragraph]) continue;
      for (const { state, segment, token } of segmentsIn[span.paragraph] ?? []) {
        const own = state.raw.segments[segment]!;
        if (result.has(state) || own.end <= span.start || span.end <= own.start) continue;
        const chars = Math.min(own.end, span.end) - Math.max(own.start, span.start);
        const seen = covered.get(state);
        if (seen) seen.chars += chars;
        else covered.set(state, { chars, paragraph: span.paragraph, segment, token });
      }
    }
    for (const [state, { chars, paragraph, segment, token }] of covered) {
      if (result.has(state) || chars * 2 < lengthOf(state.raw)) continue;
      const model = doc.paragraphs[paragraph]!;
      const cue = cueAfter(model, token, segmentShape(model.text, state.raw, segment)) ?? cueBefore(model, token);
      result.set(state, { entity, mention: cue?.subject ?? null });
    }
  }
  return result;
}

function lengthOf(quote: RawQuote): number {
  let length = 0;
  for (const s of quote.segments) length += s.end - s.start;
  return length;
}
