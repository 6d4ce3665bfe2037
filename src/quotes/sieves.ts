/**
 * The explicit-cue sieves: the words right after a quote (Q-S-V, Q-V-S, “…,” according to X),
 * right before it (S-V-Q, V-S-Q, according to X, “…”), and a speech verb elsewhere in its
 * sentence (in-sentence cue). Each returns the subject mention and the verb it relies on; the
 * caller resolves the mention to a person (pronouns through pronouns.ts).
 *
 * Design notes: the sieves read tokens of one paragraph, where each quote is a single token, so
 * "what follows the quote" is simply the next tokens. A subject may carry an appositive
 * ("Hugh Hill, a doctor, said") or a relative clause ("a fighter who served in Bakhmut told")
 * before its verb; objects after the verb are addressees. After a quote that ends its sentence
 * with a full stop, a following "X said …" only counts when the verb's tail is short (no clause),
 * so `“…” He said the army was …` is not taken as an attribution. Every search is bounded by the
 * sentence and a small window, so each quote costs constant work.
 */
import type { RawQuote } from './detect.ts';
import type { ParagraphModel } from './document.ts';
import type { PersonMention } from './mentions.ts';
import { endsClause, skipAge } from './phrases.ts';
import { speechVerb, type SpeechVerb } from './speech-verbs.ts';
import type { Token } from './tokens.ts';
import { AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, CLAUSE_WORDS, DEFINITE, PREPOSITIONS, RELATIVE } from './words.ts';

export type CueSieve = 'q-s-v' | 'q-v-s' | 's-v-q' | 'v-s-q' | 'according-to' | 'in-sentence';

export interface Cue {
  sieve: CueSieve;
  subject: PersonMention;
  /** Token index of the speech verb (or of "according"). */
  verb: number;
  verbText: string;
}

export interface QuoteShape {
  /** The inner text ends in , or a dash. */
  endsWithComma: boolean;
  /** The inner text ends in . ! ? or … */
  endsSentence: boolean;
  /** The inner text ends in ! or ? */
  endsExclaimOrAsk: boolean;
}

/** How a segment's inner text ends (for the Q-S-V sentence-end rule). */
export function segmentShape(text: string, raw: RawQuote, segment: number): QuoteShape {
  const s = raw.segments[segment]!;
  const last = segment === raw.segments.length - 1;
  const closed = last && !raw.unclosed;
  const inner = text.slice(s.start + 1, closed ? s.end - 1 : s.end).trimEnd();
  const tail = inner.at(-1) ?? '';
  return { endsWithComma: /[,\u2014\u2013-]/u.test(tail), endsSentence: /[.!?…]/u.test(tail), endsExclaimOrAsk: /[!?]/u.test(tail) };
}

/**
 * A short quote that is a whole sentence: one segment, capitalised, ending in a full stop (inside
 * the marks or right after them) and ending its sentence; with `alone`, nothing else is in that
 * sentence (“Stay inside.”), otherwise it may follow its cue (Reyes said: “Another one.”). A term
 * inside a narrative sentence (the so-called “safe zone”) never is.
 */
export function fullSentence(model: ParagraphModel, raw: RawQuote, token: number, alone: boolean): boolean {
  if (raw.segments.length !== 1 || raw.framed || raw.titleLike) return false;
  const range = model.sentences[model.tokens[token]!.sentence]!;
  if (alone && range.start !== token) return false;
  const next = model.tokens[token + 1];
  const stopAfter = range.end === token + 2 && next?.kind === 'punct' && /^[.…]+$/u.test(next.text);
  if (range.end !== token + 1 && !stopAfter) return false;
  if (!raw.endsSentence && !stopAfter) return false;
  return /^\p{Lu}/u.test(raw.text.slice(1).trimStart());
}

/** How far (in tokens) a sentence-level search reaches from its quote: keeps run-on text linear. */
const WINDOW = 40;

const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "isn't", 'isn’t', "wasn't", 'wasn’t']);

/** "is called", "was described as": a passive names something, nobody is quoted. */
function isPassive(tokens: readonly Token[], v: number): boolean {
  const before = tokens[v - 1];
  const twoBefore = tokens[v - 2];
  return !!before && (BE.has(before.lower) || (/ly$/.test(before.lower) && !!twoBefore && BE.has(twoBefore.lower)));
}

/** Verbs whose following mention is the person spoken to, not the speaker. */
const ADDRESSEE_VERBS = new Set(['tell', 'ask', 'warn', 'urge', 'advise', 'assure', 'answer']);

const isAdverb = (t: Token) => t.kind === 'word' && (/ly$/.test(t.lower) || BETWEEN_SUBJECT_AND_VERB.has(t.lower));

/** The speech verb at token `k` usable as a finite verb (base forms only after an auxiliary or with a plural subject). */
function verbAt(tokens: readonly Token[], k: number, pluralSubject: boolean, allowIng = false): SpeechVerb | null {
  const t = tokens[k];
  if (!t || t.kind !== 'word') return null;
  const verb = speechVerb(t.lower);
  if (!verb || verb.termOnly) return null;
  const next = tokens[k + 1];
  if (verb.lemma === 'continue' && next?.lower === 'to') return null;
  if ((verb.lemma === 'find' || verb.lemma === 'think') && next?.lower === 'it') return null;
  if (verb.shape === 'base') {
    const before = tokens[k - 1];
    if (!pluralSubject && !(before && AUXILIARIES.has(before.lower))) return null;
    if (before?.lower === 'to') return null;
  }
  if (verb.shape === 'ing' && !allowIng) return null;
  return verb;
}

/** True when the tokens after verb `v` are a short addressee/adverbial tail, not a clause. */
function shortTail(model: ParagraphModel, v: number): boolean {
  const { tokens } = model;
  const sentence = tokens[v]!.sentence;
  let words = 0;
  for (let k = v + 1; k < tokens.length && tokens[k]!.sentence === sentence; k++) {
    const t = tokens[k]!;
    if (t.kind === 'quote') return true;
    if (t.kind === 'punct') {
      if (/^[.!?;…]/u.test(t.text)) return true;
      continue;
    }
    if (CLAUSE_WORDS.has(t.lower) || speechVerb(t.lower)) return false;
    if (++words > 6) return false;
  }
  return true;
}

/** The person mention a cue's subject slot names: an appositive description gives way to its name. */
function anchor(m: PersonMention): PersonMention {
  return m.appositiveOf && m.kind === 'description' ? m.appositiveOf : m;
}

/**
 * The subject of the speech verb at token `v`: the mention right before it (past adverbs and
 * an appositive), else the mention a relative clause hangs on, else (unless `strict`) the
 * nearest subject-like mention earlier in the sentence.
 */
export function subjectBefore(model: ParagraphModel, v: number, strict = false): PersonMention | null {
  const { tokens, endAt } = model;
  const sentence = tokens[v]!.sentence;
  const mentions = model.bySentence[sentence] ?? [];
  let p = v - 1;
  for (let skipped = 0; p >= 0 && skipped < 4 && tokens[p]!.sentence === sentence && isAdverb(tokens[p]!); skipped++) p--;
  if (p < 0 || tokens[p]!.sentence !== sentence) return null;
  const direct = endAt.get(p + 1);
  // a mention right before the verb is its subject even where it looked like an object ("a site the organisers describe")
  if (direct && !direct.possessive && (!direct.object || direct.appositiveOf || p + 1 === v)) return anchor(direct);
  if (tokens[p]!.text === ',') {
    // "Emily Stone, 34, said": the age between the name and its verb
    const aged = tokens[p - 2]?.text === ',' && skipAge(tokens, p - 2) === p ? endAt.get(p - 2) : undefined;
    const before = endAt.get(p) ?? (aged?.kind === 'name' ? aged : undefined);
    if (before?.appositiveOf) return anchor(before);
    if (before && before.kind === 'name' && !before.possessive && !before.object) return before;
  }
  if (strict) return null;
  // a relative clause: "a fighter who served in Bakhmut told"
  for (let k = p; k > 0 && tokens[k]!.sentence === sentence && v - k < 25; k--) {
    const t = tokens[k]!;
    if (t.kind === 'quote') break;
    if (t.kind === 'word' && (t.lower === 'who' || t.lower === 'whose')) {
      const head = endAt.get(k) ?? (tokens[k - 1]?.text === ',' ? endAt.get(k - 1) : undefined);
      if (head && !head.possessive) return anchor(head);
    }
  }
  // nearest subject-like mention earlier in the sentence
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.tokenEnd > v) continue;
    const prev = tokens[m.tokenStart - 1];
    if (m.subjectLike && !(prev && RELATIVE.has(prev.lower)) && prev?.lower !== 'where' && prev?.lower !== 'when') return anchor(m);
  }
  return null;
}

/**
 * A role the word list does not know, then a name in apposition, from token `i`: "the city’s
 * treasurer, Alan Brooks" (a determiner, up to five lowercase words, a comma and a name that ends
 * the clause). Returns the name; its role noun is not a separate person.
 */
function roleThenName(model: ParagraphModel, i: number): PersonMention | null {
  const { tokens, startAt } = model;
  const det = tokens[i];
  if (!det || det.kind !== 'word' || !(DEFINITE.has(det.lower) || det.lower === 'a' || det.lower === 'an')) return null;
  let k = i + 1;
  for (; k < tokens.length && k - i <= 5; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.cap || PREPOSITIONS.has(t.lower) || CLAUSE_WORDS.has(t.lower) || RELATIVE.has(t.lower) || speechVerb(t.lower)) break;
  }
  if (k === i + 1 || tokens[k]?.text !== ',' || tokens[k - 1]!.possessive) return null;
  const name = startAt.get(k + 1);
  if (!name || name.kind !== 'name' || name.possessive || name.orgish || name.sentence !== det.sentence) return null;
  const after = tokens[name.tokenEnd];
  return !after || after.text === ',' || endsClause(after) || (after.kind === 'word' && !!speechVerb(after.lower)) ? name : null;
}

/** The cue right after the quote token `qi`: Q-V-S, Q-S-V or “…,” according to X. */
export function cueAfter(model: ParagraphModel, qi: number, shape: QuoteShape): Cue | null {
  const { tokens, startAt } = model;
  let j = qi + 1;
  let commaOutside = false;
  if (tokens[j]?.kind === 'punct' && /^[,\u2014\u2013-]$/u.test(tokens[j]!.text)) {
    commaOutside = true;
    j++;
  }
  const t = tokens[j];
  if (!t || t.kind !== 'word') return null;
  const open = shape.endsWithComma || shape.endsExclaimOrAsk || commaOutside || !shape.endsSentence;
  // “…,” according to X
  if (t.lower === 'according' && tokens[j + 1]?.lower === 'to') {
    const m = startAt.get(j + 2);
    if (m && !m.possessive) return { sieve: 'according-to', subject: m, verb: j, verbText: 'according to' };
    return null;
  }
  // Q-V-S: “…,” said X
  const inverted = speechVerb(t.lower);
  if (inverted && !inverted.termOnly && inverted.shape !== 'ing') {
    const m = startAt.get(j + 1) ?? roleThenName(model, j + 1);
    if (m && !m.possessive && (open || t.lower === t.text)) return { sieve: 'q-v-s', subject: anchor(m), verb: j, verbText: t.text };
  }
  // Q-S-V: “…,” X [, appositive,] [who …] [adverbs] said
  const first = startAt.get(j);
  // “…,” the mayor, Jane Porter, said: the role noun stands before the name it describes
  const leading = first?.kind === 'description' && first.appositiveOf && first.appositiveOf.tokenStart === first.tokenEnd + 1 ? first : null;
  const subject = leading ? leading.appositiveOf! : first;
  if (!subject || subject.possessive || (subject.appositiveOf && !leading)) return null;
  let k = subject.tokenEnd;
  // “…,” Emily Stone, 34, [a nurse,] said
  const aged = subject.kind === 'name' ? skipAge(tokens, k) : k;
  if (aged !== k) k = startAt.get(aged + 1)?.appositiveOf === subject ? aged : aged + 1;
  const appositive = tokens[k]?.text === ',' ? startAt.get(k + 1) : undefined;
  if (leading) {
    if (tokens[k]?.text === ',') k++;
  } else if (appositive && appositive.appositiveOf === subject) {
    k = appositive.tokenEnd;
    if (tokens[k]?.text === ',') k++;
  }
  let verb = -1;
  if (tokens[k]?.kind === 'word' && RELATIVE.has(tokens[k]!.lower)) {
    // the clause's own verb comes right after "who" ("who asked not to be named told"); the cue is a later one
    const sentence = tokens[k]!.sentence;
    let clauseVerb = k + 1;
    while (clauseVerb < tokens.length && clauseVerb - k <= 3 && isAdverb(tokens[clauseVerb]!)) clauseVerb++;
    for (let x = k + 1; x < tokens.length && x - k < 20 && tokens[x]!.sentence === sentence && tokens[x]!.kind !== 'quote'; x++) {
      if (x !== clauseVerb && verbAt(tokens, x, subject.plural)) {
        verb = x;
        break;
      }
    }
  } else {
    for (let skipped = 0; k < tokens.length && skipped < 3 && isAdverb(tokens[k]!) && !verbAt(tokens, k, subject.plural); skipped++) k++;
    if (verbAt(tokens, k, subject.plural)) verb = k;
  }
  if (verb < 0) return null;
  if (!open && !shortTail(model, verb)) return null;
  return { sieve: 'q-s-v', subject, verb, verbText: tokens[verb]!.text };
}

/** The cue right before the quote token `qi`: S-V-Q, V-S-Q or According to X, “…”. */
export function cueBefore(model: ParagraphModel, qi: number): Cue | null {
  const { tokens, startAt } = model;
  const sentence = tokens[qi]!.sentence;
  let k = qi - 1;
  if (k < 0 || tokens[k]!.sentence !== sentence) return null;
  let window = 0;
  const mark = tokens[k]!;
  if (mark.kind === 'punct' && /^[:,\u2014\u2013-]$/u.test(mark.text)) {
    window = mark.text === ':' ? 8 : 4;
    k--;
  } else if (mark.kind === 'word' && mark.lower === 'that') {
    window = 1;
    k--;
  } else if (mark.kind === 'quote') return null;
  if (k < 0 || tokens[k]!.sentence !== sentence) return null;
  // According to X[, the mayor], “…”
  for (let a = k; a >= 0 && tokens[a]!.sentence === sentence && k - a < 14; a--) {
    const t = tokens[a]!;
    if (t.kind === 'quote') break;
    if (t.lower === 'according' && tokens[a + 1]?.lower === 'to') {
      const m = startAt.get(a + 2);
      if (m && !m.possessive) return { sieve: 'according-to', subject: anchor(m), verb: a, verbText: 'according to' };
      break;
    }
  }
  for (let v = k; v >= 0 && k - v <= window && tokens[v]!.sentence === sentence; v--) {
    const t = tokens[v]!;
    if (t.kind === 'quote') return null;
    if (t.kind !== 'word') continue;
    const verb = verbAt(tokens, v, true, mark.text === ':' || mark.text === ',');
    if (!verb) continue;
    const prev = tokens[v - 1];
    const after = startAt.get(v + 1) ?? roleThenName(model, v + 1);
    // V-S-Q: said Mr. Collins, “…” — the verb follows a quote (or opens the sentence), and never an addressee verb ("told reporters:")
    const inverted = !prev || prev.kind === 'quote' || prev.sentence !== sentence || (prev.text === ',' && tokens[v - 2]?.kind === 'quote');
    if (after && !after.possessive && inverted && !ADDRESSEE_VERBS.has(verb.lemma) && after.tokenEnd <= qi) {
      return { sieve: 'v-s-q', subject: anchor(after), verb: v, verbText: t.text };
    }
    const subject = subjectBefore(model, v, verb.nounLike);
    if (subject) return { sieve: 's-v-q', subject, verb: v, verbText: t.text };
    return null;
  }
  return null;
}

/**
 * The speech verb before a quoted term in its sentence that no direct quote's cue used, even when
 * its subject cannot be recovered ("Others called the protest a “stunt”"): the term is then a
 * partial quote without a speaker. Noun readings ("the claims") do not count.
 */
export function termVerb(model: ParagraphModel, qi: number, consumed: ReadonlySet<number>): number {
  const { tokens } = model;
  const range = model.sentences[tokens[qi]!.sentence]!;
  for (let v = qi - 1; v >= range.start && qi - v <= WINDOW; v--) {
    const t = tokens[v]!;
    if (t.kind === 'quote') return -1;
    if (t.kind !== 'word' || consumed.has(v) || isPassive(tokens, v)) continue;
    const verb = speechVerb(t.lower);
    if (!verb || verb.shape === 'base' || verb.shape === 'ing' || verb.nounLike) continue;
    if (verb.lemma === 'continue' && tokens[v + 1]?.lower === 'to') continue;
    return v;
  }
  return -1;
}

/**
 * A speech verb elsewhere in the quote's sentence whose subject can be recovered, nearest first.
 * Verbs in `consumed` (already used by another quote's cue) are skipped when `fresh` is set; a
 * term quote needs a verb before it.
 */
export function cueInSentence(model: ParagraphModel, qi: number, consumed: ReadonlySet<number>, term: boolean): Cue | null {
  const { tokens, startAt } = model;
  const sentence = tokens[qi]!.sentence;
  const range = model.sentences[sentence]!;
  const verbs: number[] = [];
  for (let v = Math.max(range.start, qi - WINDOW); v < Math.min(range.end, qi + WINDOW); v++) {
    const t = tokens[v]!;
    if (t.kind !== 'word') continue;
    const verb = speechVerb(t.lower);
    if (!verb) continue;
    if (verb.termOnly && !term) continue;
    if (term && (consumed.has(v) || v > qi || isPassive(tokens, v))) continue;
    verbs.push(v);
  }
  verbs.sort((a, b) => Math.abs(a - qi) - Math.abs(b - qi));
  for (const v of verbs) {
    const t = tokens[v]!;
    const verb = speechVerb(t.lower)!;
    if (verb.lemma === 'continue' && tokens[v + 1]?.lower === 'to') continue;
    if (verb.shape === 'base' && !(tokens[v - 1] && AUXILIARIES.has(tokens[v - 1]!.lower)) && !startAt.get(v - 1)?.plural && startAt.get(v - 1)?.pronoun !== 'they') {
      const before = model.endAt.get(v);
      if (!before?.plural) continue;
    }
    let subject = subjectBefore(model, v, verb.nounLike);
    if (!subject && !verb.nounLike) {
      const after = startAt.get(v + 1);
      if (after && !after.possessive && (tokens[v - 1]?.kind === 'quote' || tokens[v - 1]?.text === ',')) subject = anchor(after);
    }
    if (subject) return { sieve: 'in-sentence', subject, verb: v, verbText: t.text };
  }
  return null;
}
