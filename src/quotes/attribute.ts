/**
 * Attribution: runs the sieves of section D over the detected quotes, in document order, and
 * records for each quote its speaker, sieve, confidence, evidence and candidates.
 *
 * Design notes: paragraphs are processed in order. In each paragraph, first the explicit cues of
 * its quotes (named cues before pronoun cues, as in the sieve table), then the in-sentence cue,
 * then terms (a short quoted term only becomes a partial quote through a speech verb that no
 * other quote's cue used; a short quote that is a whole sentence by itself, in a paragraph with a
 * cue-attributed quote, is speech: “…,” the forecaster said. “Stay inside.”), and then, for quotes whose last segment lies in this paragraph, the
 * fallbacks: same paragraph, previous sentence, floating. A later sieve never overrides an earlier
 * one. Because pronouns look back to "the previous attributed quote", attributed quotes are kept
 * in a position-sorted list searched by bisection. A cue found on a later segment of a quote that
 * runs over several paragraphs attributes the whole utterance (sieve "continuation").
 */
import type { RawQuote } from './detect.ts';
import { firstMentionAt, position, type DocumentModel, type ParagraphModel } from './document.ts';
import type { PersonMention } from './mentions.ts';
import { resolvePronoun, type PronounContext } from './pronouns.ts';
import type { Entity, Registry } from './registry.ts';
import { decidedSpeakers } from './decisions.ts';
import { cueAfter, cueBefore, cueInSentence, fullSentence, segmentShape, subjectBefore, termVerb, type Cue } from './sieves.ts';
import { speechVerb } from './speech-verbs.ts';
import type { DecidedQuote, Sieve } from './types.ts';

/** Confidence priors per sieve (design note, section D). */
export const PRIOR: Record<Sieve, number> = {
  'q-s-v': 0.9, 'q-v-s': 0.95, 's-v-q': 0.95, 'v-s-q': 0.9, 'according-to': 0.9, pronoun: 0.8, 'in-sentence': 0.8,
  'same-paragraph': 0.85, continuation: 0.9, 'previous-sentence': 0.7, floating: 0.6, user: 1,
};

export interface Attribution {
  raw: RawQuote;
  /** false for a term no speech verb attributes (not returned). */
  keep: boolean;
  kind: 'direct' | 'partial';
  speaker: Entity | null;
  sieve: Sieve | null;
  confidence: number;
  mention: PersonMention | null;
  /** Builds the evidence text (called after all names are final). */
  evidence: () => string;
  candidates: Map<Entity, number>;
  /** Position of the start of the first and the end of the last segment. */
  start: number;
  end: number;
  /** Index of the quote in detection order. */
  index: number;
}

interface AttributedMark {
  end: number;
  entity: Entity;
}

/** First words of a quote for evidence texts: “After the victory…”. */
export function snippet(text: string, words = 4): string {
  const inner = text.split('\n')[0]!.replace(/^[“"«„‘'‹‚\s]+/u, '').replace(/[”"»’'›\s]+$/u, '');
  const parts = inner.split(/\s+/u).filter(Boolean);
  const head = parts.slice(0, words).join(' ');
  return parts.length > words ? `“${head}…”` : `“${head}”`;
}

/** Runs every sieve; returns one attribution per raw quote, in the same order. */
export function attribute(doc: DocumentModel, quotes: readonly RawQuote[], registry: Registry, decided: readonly DecidedQuote[] = []): Attribution[] {
  const states: Attribution[] = quotes.map((raw, index) => {
    const first = raw.segments[0]!;
    const last = raw.segments[raw.segments.length - 1]!;
    return {
      raw, keep: raw.direct, kind: 'direct', speaker: null, sieve: null, confidence: 0, mention: null, evidence: () => 'no cue found',
      candidates: new Map(), start: position(first.paragraph, first.start), end: position(last.paragraph, last.end), index,
    };
  });
  const attributed: AttributedMark[] = [];
  const entityMemo = new Map<PersonMention, Entity | null>();
  const variantLinked = new Set<PersonMention>();

  const lastAttributedBefore = (pos: number): AttributedMark | null => {
    let lo = 0;
    let hi = attributed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (attributed[mid]!.end < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? attributed[lo - 1]! : null;
  };
  const markAttributed = (state: Attribution) => {
    const mark = { end: state.end, entity: state.speaker! };
    let i = attributed.length;
    while (i > 0 && attributed[i - 1]!.end > mark.end) i--;
    attributed.splice(i, 0, mark);
  };

  const pronounCtx: PronounContext = {
    mentions: doc.mentions,
    entityOf: (m) => entityOf(m),
    lastAttributedBefore,
    quotedNames: (p) => doc.paragraphs[p]!.quotedNames,
  };

  function entityOf(m: PersonMention): Entity | null {
    if (entityMemo.has(m)) return entityMemo.get(m)!;
    entityMemo.set(m, null); // guards against cycles
    let entity: Entity | null = null;
    if (m.kind === 'name') {
      const r = registry.resolveName(m);
      entity = r.entity;
      if (r.variant) variantLinked.add(m);
    } else if (m.kind === 'description') {
      if (m.appositiveOf) {
        entity = entityOf(m.appositiveOf);
        if (entity) registry.describe(entity, m);
      } else entity = registry.resolveDescription(m);
    } else {
      const index = doc.mentionIndex.get(m);
      const r = index === undefined ? null : resolvePronoun(pronounCtx, index);
      entity = r?.entity ?? null;
    }
    entityMemo.set(m, entity);
    return entity;
  }

  // names and descriptions enter the registry in document order (first-seen spelling is canonical)
  for (const m of doc.mentions) if (m.kind !== 'pronoun') entityOf(m);

  const segmentsIn: { state: Attribution; segment: number; token: number }[][] = doc.paragraphs.map(() => []);
  states.forEach((state, q) => {
    state.raw.segments.forEach((segment, s) => {
      const token = doc.paragraphs[segment.paragraph]!.quoteToken.get(`${q}:${s}`);
      if (token !== undefined) segmentsIn[segment.paragraph]!.push({ state, segment: s, token });
    });
  });
  for (const list of segmentsIn) list.sort((a, b) => a.token - b.token);

  // The editor's decisions first: the sieves below reason from them as from a cue.
  for (const [state, { entity, mention }] of decidedSpeakers(doc, registry, decided, segmentsIn)) {
    state.speaker = entity;
    state.sieve = 'user';
    state.confidence = PRIOR.user;
    state.keep = true;
    state.kind = state.raw.direct ? 'direct' : 'partial';
    state.mention = mention;
    state.evidence = () => `confirmed as ${entity.name}`;
    markAttributed(state);
  }

  /** Per paragraph: the speakers of its cue-attributed direct quotes, each with its first such quote. */
  const cueSpeakers = new Map<number, Map<Entity, Attribution>>();
  const cueSpeakersOf = (paragraph: number): Map<Entity, Attribution> => {
    let speakers = cueSpeakers.get(paragraph);
    if (speakers) return speakers;
    speakers = new Map();
    for (const other of segmentsIn[paragraph]!) {
      // partial quotes are narrative that borrows words; they do not make a paragraph someone's
      if (!other.state.speaker || !other.state.keep || other.state.kind === 'partial' || !isCueSieve(other.state.sieve)) continue;
      if (!speakers.has(other.state.speaker)) speakers.set(other.state.speaker, other.state);
    }
    cueSpeakers.set(paragraph, speakers);
    return speakers;
  };

  /** Assigns a cue's speaker. Returns false when the subject cannot be resolved. */
  const assignCue = (state: Attribution, cue: Cue, segment: number): boolean => {
    const subject = cue.subject;
    let entity: Entity | null;
    let sieve: Sieve = cue.sieve;
    let confidence = PRIOR[cue.sieve];
    let pronounNote = '';
    if (subject.kind === 'pronoun') {
      const index = doc.mentionIndex.get(subject);
      const r = index === undefined ? null : resolvePronoun(pronounCtx, index);
      entityMemo.set(subject, r?.entity ?? null);
      if (!r) return false;
      entity = r.entity;
      sieve = 'pronoun';
      confidence = r.step === 1 ? (subject.pronoun === 'they' ? 0.75 : 0.8) : r.step === 2 ? 0.75 : 0.45;
      if (subject.pronoun !== 'they' && !entity.gender) confidence *= 0.9;
      if (subject.pronoun === 'he' && !entity.gender && r.step < 3) entity.gender = 'm';
      if (subject.pronoun === 'she' && !entity.gender && r.step < 3) entity.gender = 'f';
      for (const other of r.others) state.candidates.set(other, 0.3);
      pronounNote = ` → ${subject.text} = `;
    } else {
      entity = entityOf(subject);
      if (!entity) return false;
      if (variantLinked.has(subject)) confidence *= 0.9;
    }
    if (entity.orgish && !entity.person && subject.kind === 'name' && cue.sieve === 'in-sentence') return false;
    entity.person = true;
    if (segment > 0) {
      confidence = Math.min(confidence, PRIOR.continuation);
      sieve = 'continuation';
    }
    state.speaker = entity;
    state.sieve = sieve;
    state.confidence = confidence;
    state.mention = subject;
    const quoteText = state.raw.text;
    const verbText = cue.verbText;
    const paragraphNo = state.raw.segments[segment]!.paragraph;
    state.evidence = () => {
      const who = pronounNote ? `${pronounNote}${entity.name}` : '';
      const q = snippet(quoteText);
      let core: string;
      switch (cue.sieve) {
        case 'q-s-v': core = `${q} ${subject.text} ${verbText}`; break;
        case 'q-v-s': core = `${q} ${verbText} ${subject.text}`; break;
        case 's-v-q': core = `${subject.text} ${verbText}: ${q}`; break;
        case 'v-s-q': core = `${verbText} ${subject.text}, ${q}`; break;
        case 'according-to': core = `according to ${subject.text}: ${q}`; break;
        default: core = `${subject.text} … ${verbText} … ${q}`;
      }
      const prefix = sieve === 'continuation' ? `continued in paragraph ${paragraphNo}: ` : '';
      return `${prefix}${core}${who}`;
    };
    markAttributed(state);
    for (const s of state.raw.segments) cueSpeakers.delete(s.paragraph);
    return true;
  };

  const isPronounCue = (cue: Cue | null) => !!cue && cue.subject.kind === 'pronoun';

  for (const model of doc.paragraphs) {
    const here = segmentsIn[model.index]!;
    // verbs used by direct quotes' cues: they cannot also make a term a partial quote
    const consumed = new Set<number>();
    // 1. explicit cues (named first, then pronoun)
    for (const { state, segment, token } of here) {
      if (state.speaker) continue;
      // Reyes said: “Another straight one.” — a short whole sentence introduced by a colon is speech when its cue is
      const introduced = !state.raw.direct && model.tokens[token - 1]?.text === ':' && fullSentence(model, state.raw, token, false);
      if (!state.raw.direct && !introduced) continue;
      const shape = segmentShape(model.text, state.raw, segment);
      const after = introduced ? null : cueAfter(model, token, shape);
      const before = cueBefore(model, token);
      const ordered = [after, before].filter((c): c is Cue => !!c).sort((a, b) => Number(isPronounCue(a)) - Number(isPronounCue(b)));
      for (const cue of ordered) {
        if (assignCue(state, cue, segment)) {
          consumed.add(cue.verb);
          if (introduced) state.keep = true;
          break;
        }
      }
    }
    // narrative pronouns of this paragraph, in order, while the attribution state is current
    for (const m of model.mentions) if (m.kind === 'pronoun') entityOf(m);
    // 2. in-sentence cue for direct quotes
    for (const { state, segment, token } of here) {
      if (state.speaker || !state.raw.direct) continue;
      const cue = cueInSentence(model, token, consumed, false);
      if (cue && assignCue(state, cue, segment)) consumed.add(cue.verb);
    }
    // 3. terms: partial quotes only through a speech verb before them that no direct quote used
    //    (one verb may attribute several terms: called it “brave” and “baffling”)
    for (const { state, segment, token } of here) {
      if (state.raw.direct || state.speaker || state.raw.framed === 'so-called' || state.raw.titleLike) continue;
      if (fullSentence(model, state.raw, token, true) && cueSpeakersOf(model.index).size > 0) {
        // “…,” the forecaster said. “Stay inside.” — a short sentence of its own beside an attributed quote is speech
        state.keep = true;
        state.kind = 'direct';
        continue;
      }
      const cue = cueInSentence(model, token, consumed, true);
      if (cue && assignCue(state, cue, segment)) {
        state.keep = true;
        state.kind = 'partial';
        state.confidence *= 0.6;
        continue;
      }
      const verb = termVerb(model, token, consumed);
      if (verb >= 0) {
        state.keep = true;
        state.kind = 'partial';
        const verbText = model.tokens[verb]!.text;
        state.evidence = () => `“${verbText}” quotes it, but whose words these are is not clear`;
      }
    }
    // 4. fallbacks for quotes that end in this paragraph
    for (const { state, segment } of here) {
      if (!state.keep || state.speaker || segment !== state.raw.segments.length - 1) continue;
      fallback(state);
    }
  }

  function fallback(state: Attribution): void {
    const q = state.index;
    if (sameParagraph(state)) return;
    if (previousSentence(state, q)) return;
    floating(state, q);
  }

  function sameParagraph(state: Attribution): boolean {
    for (const segment of state.raw.segments) {
      const speakers = cueSpeakersOf(segment.paragraph);
      for (const [entity] of speakers) state.candidates.set(entity, Math.max(state.candidates.get(entity) ?? 0, 0.4));
      if (speakers.size !== 1) continue;
      const [entity, source] = [...speakers][0]!;
      // another named person as a subject between the source quote and this one: not the same voice
      const model = doc.paragraphs[segment.paragraph]!;
      const from = Math.min(source.start, state.start);
      const to = Math.max(source.end, state.start);
      let intruder = false;
      for (let i = firstMentionAt(model, from + 1); i < model.mentions.length && !intruder; i++) {
        const m = model.mentions[i]!;
        if (m.pos >= to) break;
        if (!m.subjectLike || m.kind === 'pronoun' || m === source.mention) continue;
        const e = entityOf(m);
        intruder = !!e && e !== entity && e.person && !e.plural;
      }
      if (intruder) continue;
      state.speaker = entity;
      state.sieve = 'same-paragraph';
      state.confidence = Math.min(PRIOR['same-paragraph'], source.confidence);
      state.mention = null;
      state.evidence = () => `same paragraph as ${snippet(source.raw.text)} (${entity.name})`;
      markAttributed(state);
      return true;
    }
    return false;
  }

  function previousSentence(state: Attribution, q: number): boolean {
    const first = state.raw.segments[0]!;
    const model = doc.paragraphs[first.paragraph]!;
    const token = model.quoteToken.get(`${q}:0`);
    if (token === undefined) return false;
    const sentenceIndex = model.tokens[token]!.sentence;
    if (model.sentences[sentenceIndex]!.start !== token) return false; // the quote must open its sentence
    let target: ParagraphModel = model;
    let s = sentenceIndex - 1;
    if (s < 0) {
      // the headline (paragraph 0) is not narrative: it never names the speaker of the first paragraph's quote
      if (first.paragraph <= 1) return false;
      target = doc.paragraphs[first.paragraph - 1]!;
      s = target.sentences.length - 1;
    }
    const range = target.sentences[s];
    if (!range || range.end <= range.start) return false;
    for (let k = range.start; k < range.end; k++) if (target.tokens[k]!.kind === 'quote') return false;
    // a speech verb's subject first, else the first subject-like person
    let subject: PersonMention | null = null;
    for (let k = range.start; k < range.end && !subject; k++) {
      const t = target.tokens[k]!;
      const verb = t.kind === 'word' ? speechVerb(t.lower) : undefined;
      if (verb && !verb.termOnly && verb.shape !== 'base') subject = subjectBefore(target, k, verb.nounLike);
    }
    if (!subject) subject = (target.bySentence[s] ?? []).find((m) => m.subjectLike && (m.kind !== 'name' || entityOf(m)?.person)) ?? null;
    if (!subject) return false;
    const entity = entityOf(subject);
    if (!entity) return false;
    if (subject.kind === 'name' && !entity.person) return false;
    state.speaker = entity;
    state.sieve = 'previous-sentence';
    state.confidence = PRIOR['previous-sentence'] * (variantLinked.has(subject) ? 0.9 : 1);
    state.mention = subject;
    state.evidence = () => `previous sentence names ${subject.text}${subject.kind === 'pronoun' ? ` = ${entity.name}` : ''}`;
    markAttributed(state);
    return true;
  }

  function floating(state: Attribution, q: number): boolean {
    const first = state.raw.segments[0]!;
    if (first.paragraph === 0) return false;
    const model = doc.paragraphs[first.paragraph]!;
    if (model.quoteToken.get(`${q}:0`) !== 0) return false;
    const previous = segmentsIn[first.paragraph - 1]!;
    const last = previous[previous.length - 1];
    if (!last || !last.state.speaker || !last.state.keep) return false;
    const prevModel = doc.paragraphs[first.paragraph - 1]!;
    const lastSentence = prevModel.sentences.length - 1;
    if (prevModel.tokens[last.token]!.sentence !== lastSentence) return false;
    const source = last.state;
    const entity = source.speaker!;
    state.speaker = entity;
    state.sieve = 'floating';
    state.confidence = Math.min(PRIOR.floating, source.confidence);
    state.mention = null;
    state.evidence = () => `opens the paragraph after ${snippet(source.raw.text)} (${entity.name})`;
    markAttributed(state);
    return true;
  }

  // candidates: the chosen speaker, then nearby people
  for (const state of states) {
    if (!state.keep) continue;
    if (state.speaker) state.candidates.set(state.speaker, state.confidence);
    const first = state.raw.segments[0]!;
    const prev = lastAttributedBefore(state.start);
    if (prev && !state.candidates.has(prev.entity)) state.candidates.set(prev.entity, 0.35);
    const from = first.paragraph;
    let added = 0;
    for (let p = from; p >= Math.max(0, from - 2) && added < 4; p--) {
      const model = doc.paragraphs[p]!;
      const mentions = model.mentions;
      for (let i = firstMentionAt(model, state.start) - 1; i >= 0 && added < 4; i--) {
        const m = mentions[i]!;
        if (!m.subjectLike) continue;
        const e = entityMemo.get(m);
        if (!e || !e.person || state.candidates.has(e)) continue;
        state.candidates.set(e, 0.25 - 0.05 * added);
        added++;
      }
    }
    if (state.raw.unclosed) state.confidence *= 0.85;
    if (state.speaker) state.candidates.set(state.speaker, state.confidence);
  }
  return states;
}

function isCueSieve(sieve: Sieve | null): boolean {
  return sieve !== null && sieve !== 'same-paragraph' && sieve !== 'previous-sentence' && sieve !== 'floating';
}
