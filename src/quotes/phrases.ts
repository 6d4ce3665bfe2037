/**
 * Small phrase shapes around a mention, read from the tokens: whom a spokesperson or an aide
 * speaks for ("a spokesperson for McConnell"), a name's age ("Emily Stone, 34,"), and the end of
 * the clause after an appositive name ("said the mayor, Jane Porter."). Used by mentions.ts when
 * it finds descriptions and by sieves.ts when it reads cues.
 */
import type { Token } from './tokens.ts';
import { DEFINITE, NON_NAME, orgHead, personHead } from './words.ts';

/** Heads that speak for someone: "a spokesperson for X", "a lawyer for the family". */
const FOR_HEADS = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'lawyer', 'attorney', 'solicitor', 'barrister', 'counsel', 'representative', 'agent', 'negotiator', 'advocate', 'adviser', 'advisor', 'consultant']);
/** Heads that serve someone: "an aide to the senator", "an adviser to the minister". */
const TO_HEADS = new Set(['aide', 'adviser', 'advisor', 'consultant', 'assistant', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson']);

export function onBehalfOf(lemma: string, next: Token | undefined): boolean {
  return !!next && ((next.lower === 'for' && FOR_HEADS.has(lemma)) || (next.lower === 'to' && TO_HEADS.has(lemma)));
}

/**
 * The end (exclusive) of the person or organisation spoken for, from token `i`: a name
 * ("McConnell", "Mitch McConnell’s campaign") or a determiner, up to three modifiers and a person
 * or organisation noun ("the family", "the state health ministry"); -1 when the phrase is
 * something else ("for 20 years", "for the first time"). `stopsModifiers`: the words that end a
 * description (mentions.ts).
 */
export function behalfEnd(tokens: readonly Token[], i: number, stopsModifiers: (t: Token) => boolean): number {
  let k = i;
  const first = tokens[k];
  if (!first || first.kind !== 'word') return -1;
  if (DEFINITE.has(first.lower) || first.lower === 'a' || first.lower === 'an') k++;
  let last: Token | null = null;
  let sawName = false;
  for (let words = 0; k < tokens.length && words < 4; words++) {
    const w = tokens[k]!;
    if (w.kind !== 'word' || w.sentence !== first.sentence) break;
    const noun = !w.cap && !!(personHead(w.lower) || orgHead(w.lower));
    if (w.cap) {
      if (NON_NAME.has(w.lower)) break;
      sawName = true;
    } else if (!noun && (stopsModifiers(w) || sawName)) break;
    last = w;
    k++;
    if (noun || (w.possessive && !w.cap)) break;
  }
  if (!last || last.possessive) return -1;
  const named = last.cap && (k === i || first.cap || DEFINITE.has(first.lower));
  return named || personHead(last.lower) || orgHead(last.lower) ? k : -1;
}

/**
 * Where the comma after a name is once its age is skipped: in "Emily Stone, 34, a nurse," the
 * comma at `k` is followed by an age and another comma, and the index of that second comma is
 * returned; otherwise `k` itself.
 */
export function skipAge(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== ',' || tokens[k + 2]?.text !== ',') return k;
  const age = tokens[k + 1];
  return age && age.kind === 'word' && /^\p{N}{1,3}$/u.test(age.text) ? k + 2 : k;
}

/**
 * Punctuation that ends the clause after an appositive name: "said the mayor, Jane Porter." A
 * following "and" does not ("the mayor, Jane Porter and Alan Brooks" is a list).
 */
export function endsClause(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && /^[.!?…;:\u2014\u2013)]/u.test(t.text);
}
