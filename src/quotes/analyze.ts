/**
 * analyzeQuotes: every quotation in an article and who said it, following the sieves of
 * shared/design/quotes.md. Explicit cues first (“…,” X said · said X · X said: “…” · according to X),
 * then pronouns (the latest agreeing subject since the previous attributed quote, else the
 * previous speaker), then the same paragraph, the previous sentence, and a floating quote after
 * an attributed one. A later sieve never overrides an earlier one.
 */
import { detectQuotes, isDirect, type RawQuote } from './detect.ts';
import { SPEECH_VERBS } from './lexicon.ts';
import { findMentions, tokenize, type PersonMention } from './mentions.ts';
import { Registry, type Entity } from './registry.ts';
import type { DetectedQuote, KnownSpeaker, QuoteAnalysis, Sieve } from './types.ts';

const PRIOR: Record<Sieve, number> = {
  'q-s-v': 0.9, 'q-v-s': 0.95, 's-v-q': 0.95, 'v-s-q': 0.9, 'according-to': 0.9, pronoun: 0.8, 'in-sentence': 0.8,
  'same-paragraph': 0.85, continuation: 0.9, 'previous-sentence': 0.7, floating: 0.6, user: 1,
};

interface Sentences {
  of(offset: number): number;
  startOf(offset: number): number;
  endOf(offset: number): number;
  isStart(offset: number): boolean;
}

/** Sentence boundaries of a paragraph, ignoring periods inside quotes and after titles. */
function sentences(text: string, quoteSpans: readonly { start: number; end: number }[]): Sentences {
  const bounds: number[] = [];
  const inside = (i: number) => quoteSpans.some((q) => i > q.start && i < q.end - 1);
  const re = /[.!?][”"’»]?(?=\s+[“"«„‘'\p{Lu}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index;
    if (inside(at) && !/[”"’»]/.test(m[0].slice(-1))) continue;
    const word = /(\S+)$/.exec(text.slice(0, at + 1))?.[1]?.toLowerCase() ?? '';
    if (/^(mr|mrs|ms|dr|prof|gen|col|capt|sen|rep|st|jr|sr|rev|sgt|lt|no|vs|u\.s)\.$/.test(word)) continue;
    bounds.push(at + m[0].length);
  }
  const of = (offset: number) => bounds.filter((b) => b <= offset).length;
  const startOf = (offset: number) => bounds.filter((b) => b <= offset).pop() ?? 0;
  const endOf = (offset: number) => bounds.find((b) => b > offset) ?? text.length;
  return { of, startOf, endOf, isStart: (offset) => /^[\s“"«„‘']*$/u.test(text.slice(startOf(offset), offset)) };
}

interface Cue {
  sieve: Sieve;
  mention: PersonMention;
}

const isVerb = (word: string | undefined) => !!word && SPEECH_VERBS.has(word.toLowerCase());

/** Options: speakers the user confirmed before, whose ids are kept. */
export interface AnalyzeOptions {
  knownSpeakers?: readonly KnownSpeaker[];
}

export function analyzeQuotes(paragraphs: readonly string[], options: AnalyzeOptions = {}): QuoteAnalysis {
  const raw = detectQuotes(paragraphs);
  const spansByParagraph = new Map<number, { start: number; end: number }[]>();
  for (const quote of raw) for (const s of quote.segments) (spansByParagraph.get(s.paragraph) ?? spansByParagraph.set(s.paragraph, []).get(s.paragraph)!).push(s);
  const sentenceMaps = paragraphs.map((text, p) => sentences(text, spansByParagraph.get(p) ?? []));

  // Capitalised words seen mid-sentence outside quotes (so "Frantskevich said" at a start still counts).
  const midCaps = new Set<string>();
  paragraphs.forEach((text, p) => {
    for (const token of tokenize(text)) {
      if (!/^\p{Lu}/u.test(token.text) || sentenceMaps[p]!.isStart(token.start)) continue;
      if ((spansByParagraph.get(p) ?? []).some((q) => token.start >= q.start && token.start < q.end)) continue;
      midCaps.add(token.text.replace(/[’']s?$/u, ''));
    }
  });

  // Mentions outside quotes, per paragraph, in order.
  const mentions: PersonMention[] = [];
  paragraphs.forEach((text, p) => {
    const spans = [...(spansByParagraph.get(p) ?? [])].sort((a, b) => a.start - b.start);
    let from = 0;
    const map = sentenceMaps[p]!;
    for (const span of [...spans, { start: text.length, end: text.length }]) {
      if (span.start > from) mentions.push(...findMentions(text, p, from, span.start, map.of, map.isStart, midCaps));
      from = Math.max(from, span.end);
    }
  });

  // The registry, built in reading order; appositives tie descriptions to names.
  const registry = new Registry(options.knownSpeakers);
  const entityOf = new Map<PersonMention, Entity>();
  const variantMentions = new Set<PersonMention>();
  mentions.forEach((m, i) => {
    if (m.kind === 'name') {
      const { entity, variant } = registry.resolveName(m.label, m.gender === 'p' ? null : m.gender);
      entityOf.set(m, entity);
      if (variant) variantMentions.add(m);
    } else if (m.kind === 'description' && m.gender !== 'p') {
      const prev = mentions[i - 1];
      const between = prev ? paragraphs[m.paragraph]!.slice(prev.end, m.start) : '';
      if (prev && prev.kind === 'name' && prev.paragraph === m.paragraph && /^,\s*$/.test(between)) {
        const entity = entityOf.get(prev)!;
        registry.tie(entity, m.label);
        entityOf.set(m, entity);
      } else entityOf.set(m, registry.resolveDescription(m.label, m.definite, m.gender as 'm' | 'f' | null));
    }
  });

  const byParagraph = new Map<number, PersonMention[]>();
  for (const m of mentions) (byParagraph.get(m.paragraph) ?? byParagraph.set(m.paragraph, []).get(m.paragraph)!).push(m);
  const mentionsIn = (p: number, from: number, to: number) => (byParagraph.get(p) ?? []).filter((m) => m.start >= from && m.end <= to);
  /** Mentions in paragraphs from..to (inclusive), in order. */
  const mentionsBetween = (from: number, to: number) => {
    const out: PersonMention[] = [];
    for (let p = Math.max(0, from); p <= to; p++) out.push(...(byParagraph.get(p) ?? []));
    return out;
  };

  function explicitCue(quote: RawQuote): Cue | null {
    for (const [index, segment] of quote.segments.entries()) {
      const text = paragraphs[segment.paragraph]!;
      const map = sentenceMaps[segment.paragraph]!;
      const spans = spansByParagraph.get(segment.paragraph) ?? [];
      const nextQuote = spans.filter((s) => s.start >= segment.end).map((s) => s.start)[0] ?? text.length;
      const afterEnd = Math.min(map.endOf(segment.end - 1), nextQuote);
      const after = mentionsIn(segment.paragraph, segment.end, afterEnd);
      const afterTokens = tokenize(text, segment.end, afterEnd);
      // Q-V-S: “…,” said X
      if (isVerb(afterTokens[0]?.text) && after[0] && /^\s+$/.test(text.slice(afterTokens[0]!.end, after[0].start)) && !after[0].possessive) {
        return { sieve: 'q-v-s', mention: after[0] };
      }
      // Q-S-V: “…,” X [, who …,] said
      const first = after[0];
      if (first && /^[\s,—–-]*$/.test(text.slice(segment.end, first.start)) && !first.possessive) {
        const verb = afterTokens.find((t) => t.start >= first.end && isVerb(t.text));
        if (verb) {
          const gap = text.slice(first.end, verb.start);
          if (gap.length < 160 && (/^\s*(\p{L}+ly\s+)?$/u.test(gap) || /^\s*,/.test(gap) || /^\s+(who|which|that)\b/.test(gap))) return { sieve: 'q-s-v', mention: first };
        }
      }
      if (index > 0) continue;
      const prevQuoteEnd = spans.filter((s) => s.end <= segment.start).map((s) => s.end).pop() ?? 0;
      const beforeStart = Math.max(map.startOf(segment.start), prevQuoteEnd);
      const beforeText = text.slice(beforeStart, segment.start);
      const before = mentionsIn(segment.paragraph, beforeStart, segment.start);
      const beforeTokens = tokenize(text, beforeStart, segment.start);
      const lastToken = beforeTokens[beforeTokens.length - 1];
      // According to X, “…”
      const according = /according to\s+$/i.exec(text.slice(beforeStart, before[0]?.start ?? beforeStart));
      if (according && before[0]) return { sieve: 'according-to', mention: before[0] };
      // S-V-Q: X said: “…”
      if (lastToken && isVerb(lastToken.text) && /^[\s:,]*$/.test(text.slice(lastToken.end, segment.start))) {
        const subject = before.find((m) => m.subjectLike && m.end <= lastToken.start) ?? before.find((m) => m.end <= lastToken.start && !m.possessive);
        if (subject) return { sieve: 's-v-q', mention: subject };
      }
      // V-S-Q: said X, “…”
      const lastMention = before[before.length - 1];
      if (lastMention && /^[\s,:]*$/.test(text.slice(lastMention.end, segment.start))) {
        const verb = beforeTokens.filter((t) => t.end <= lastMention.start).pop();
        if (verb && isVerb(verb.text) && /^\s+$/.test(text.slice(verb.end, lastMention.start))) return { sieve: 'v-s-q', mention: lastMention };
      }
      // In-sentence cue: a speech verb with its subject earlier in the same sentence.
      const verb = beforeTokens.filter((t) => isVerb(t.text)).pop();
      if (verb && beforeText.trim()) {
        const subject = before.find((m) => m.end <= verb.start && !m.possessive);
        if (subject) return { sieve: 'in-sentence', mention: subject };
      }
    }
    return null;
  }

  const quotes: DetectedQuote[] = [];
  const quoteEntity: (Entity | null)[] = [];
  const quotePos = (q: RawQuote) => q.segments[0]!;
  const before = (a: { paragraph: number; start: number }, b: { paragraph: number; start: number }) => a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.start < b.start);
  const agrees = (gender: 'm' | 'f' | 'p', g: 'm' | 'f' | 'p' | null) => (gender === 'p' ? g === 'p' : g !== 'p' && (g === null || g === gender));

  for (const quote of raw) {
    const text = quote.segments.map((s) => paragraphs[s.paragraph]!.slice(s.start, s.end)).join('\n');
    const first = quotePos(quote);
    const paragraphText = paragraphs[first.paragraph]!;
    const cue = explicitCue(quote);
    const direct = isDirect(text) || quote.segments.length > 1;
    if (!direct) {
      // A term becomes a partial quote only when a speech verb in its sentence, cueing no other quote, attributes it.
      const map = sentenceMaps[first.paragraph]!;
      const sStart = map.startOf(first.start);
      const sEnd = map.endOf(first.start);
      const others = (spansByParagraph.get(first.paragraph) ?? []).filter((s) => s.start !== first.start && s.start >= sStart && s.end <= sEnd);
      const hasVerb = tokenize(paragraphText, sStart, sEnd).some((t) => isVerb(t.text) && !(spansByParagraph.get(first.paragraph) ?? []).some((s) => t.start > s.start && t.end < s.end));
      if (!hasVerb || others.some((o) => isDirect(paragraphText.slice(o.start, o.end)))) continue;
    }
    let entity: Entity | null = null;
    let sieve: Sieve | null = null;
    let mention: PersonMention | null = null;
    let confidence = 0;
    let evidence = '';
    const opening = text.split(/\s+/).slice(0, 3).join(' ');
    if (cue) {
      mention = cue.mention;
      sieve = cue.sieve;
      confidence = PRIOR[cue.sieve];
      if (cue.mention.kind === 'pronoun') {
        const resolved = resolvePronoun(cue.mention, first);
        entity = resolved.entity;
        sieve = 'pronoun';
        confidence = resolved.confidence;
        evidence = `${opening}… ${cue.mention.text} → ${cue.mention.text} = ${entity?.name ?? '?'}`;
      } else {
        entity = entityOf.get(cue.mention) ?? null;
        if (variantMentions.has(cue.mention)) confidence -= 0.05;
        evidence = `${opening}… ${cue.mention.text} (${cue.sieve})`;
      }
      if (!direct) confidence = Math.min(confidence, 0.5);
    }
    if (quote.unclosed) confidence = Math.max(0, confidence - 0.1);
    quotes.push({ segments: quote.segments, text, kind: direct ? 'direct' : 'partial', unclosed: quote.unclosed, speaker: entity?.id ?? null, confidence, sieve: entity ? sieve : null, mention: entity ? (mention ? { paragraph: mention.paragraph, start: mention.start, end: mention.end, text: mention.text } : null) : null, evidence, candidates: [] });
    quoteEntity.push(entity);
  }

  function resolvePronoun(pronoun: PersonMention, _at: { paragraph: number; start: number }): { entity: Entity | null; confidence: number } {
    const gender = pronoun.gender as 'm' | 'f' | 'p';
    let previous: { pos: { paragraph: number; start: number }; entity: Entity } | null = null;
    for (let i = quotes.length - 1; i >= 0; i--) {
      const e = quoteEntity[i];
      if (e) {
        const last = quotes[i]!.segments[quotes[i]!.segments.length - 1]!;
        previous = { pos: { paragraph: last.paragraph, start: last.end }, entity: e };
        break;
      }
    }
    const candidates = mentionsBetween(previous ? previous.pos.paragraph : 0, pronoun.paragraph).filter(
      (m) => m.kind !== 'pronoun' && m.subjectLike && !m.possessive && before(m, pronoun) && (!previous || !before(m, previous.pos)) && agrees(gender, m.gender) && entityOf.has(m),
    );
    const latest = candidates[candidates.length - 1];
    if (latest) return { entity: entityOf.get(latest)!, confidence: PRIOR.pronoun - (latest.gender === null ? 0.05 : 0) };
    if (previous && agrees(gender, previous.entity.gender)) return { entity: previous.entity, confidence: 0.75 };
    const any = mentionsBetween(pronoun.paragraph - 20, pronoun.paragraph).filter((m) => m.kind !== 'pronoun' && !m.possessive && before(m, pronoun) && agrees(gender, m.gender) && entityOf.has(m)).pop();
    return any ? { entity: entityOf.get(any)!, confidence: 0.5 } : { entity: null, confidence: 0 };
  }

  // Same paragraph, previous sentence, floating.
  const quotesByParagraph = new Map<number, number[]>();
  quotes.forEach((q, j) => {
    for (const p of new Set(q.segments.map((s) => s.paragraph))) (quotesByParagraph.get(p) ?? quotesByParagraph.set(p, []).get(p)!).push(j);
  });
  quotes.forEach((quote, i) => {
    if (quoteEntity[i]) return;
    const p = quote.segments[0]!.paragraph;
    const inParagraph = (quotesByParagraph.get(p) ?? []).map((j) => ({ q: quotes[j]!, e: quoteEntity[j] })).filter(({ e }) => e);
    const speakers = new Set(inParagraph.map(({ e }) => e!.id));
    let entity: Entity | null = null;
    let sieve: Sieve | null = null;
    if (speakers.size === 1) {
      entity = inParagraph[0]!.e!;
      sieve = 'same-paragraph';
    } else {
      const start = quote.segments[0]!.start;
      const narrative = (byParagraph.get(p) ?? []).filter((m) => m.end <= start && m.kind !== 'pronoun' && m.subjectLike && entityOf.has(m));
      const earlierQuote = (spansByParagraph.get(p) ?? []).some((s) => s.end <= start);
      if (narrative.length && !earlierQuote) {
        entity = entityOf.get(narrative[narrative.length - 1]!)!;
        sieve = 'previous-sentence';
      } else if (start === 0 || /^\s*$/.test(paragraphs[p]!.slice(0, start))) {
        const prevIndex = (quotesByParagraph.get(p - 1) ?? []).filter((j) => j < i).pop();
        const prev = prevIndex === undefined ? undefined : { e: quoteEntity[prevIndex] };
        if (prev?.e) {
          entity = prev.e;
          sieve = 'floating';
        }
      }
    }
    if (entity && sieve) {
      quoteEntity[i] = entity;
      quote.speaker = entity.id;
      quote.sieve = sieve;
      quote.confidence = Math.max(0, PRIOR[sieve] - (quote.unclosed ? 0.1 : 0));
      quote.evidence = sieve === 'same-paragraph' ? `same paragraph as other quotes of ${entity.name}` : sieve === 'previous-sentence' ? `${entity.name} is named in the sentence before` : `follows a quote of ${entity.name}`;
    }
  });

  // Candidates: the chosen speaker, then the most recently attributed others.
  const used = new Set(quoteEntity.filter((e): e is Entity => !!e).map((e) => e.id));
  quotes.forEach((quote, i) => {
    const seen = new Set<string>();
    const ranked: { speaker: string; score: number }[] = [];
    const push = (id: string, score: number) => {
      if (seen.has(id) || ranked.length >= 3) return;
      seen.add(id);
      ranked.push({ speaker: id, score: Math.round(score * 100) / 100 });
    };
    if (quote.speaker) push(quote.speaker, quote.confidence);
    for (let j = i - 1; j >= 0 && ranked.length < 3 && i - j < 50; j--) if (quoteEntity[j]) push(quoteEntity[j]!.id, 0.3);
    for (let j = i + 1; j < quotes.length && ranked.length < 3 && j - i < 50; j++) if (quoteEntity[j]) push(quoteEntity[j]!.id, 0.2);
    quote.candidates = ranked;
  });

  const speakers = registry.entities
    .filter((e) => used.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, aliases: [...e.aliases].filter((a) => a !== e.name && /^\p{Lu}/u.test(a) && !e.name.includes(a)), gender: e.gender, named: e.named }));
  return { quotes, speakers, variants: registry.variants.filter((v) => used.has(v.speaker)) };
}
