/**
 * Person mentions outside quotes: pronouns (he, she, they), names (capitalised runs with titles)
 * and descriptions (determiner + modifiers + person head noun), with the grammatical hints the
 * sieves and the pronoun resolver need: possessive, object, subject-like, appositive links.
 *
 * Design notes (section B of the design note):
 * - Descriptions are found first, from each person head noun leftwards over at most five
 *   modifiers to a determiner, and rightwards over an "of" phrase for heads like "head" or
 *   "spokesman", and over the "for" / "to" phrase of someone who speaks or works for another
 *   ("a spokesperson for McConnell", "an aide to the senator": the description is the speaker). A bare singular description is only accepted as a title right before a name
 *   ("Labour MP Khalid Mahmood"), which then belongs to the name.
 * - Names are runs of capitalised words (with particles like "von"), after optional titles that
 *   may give a gender. A capitalised word at a sentence start is dropped when it is a function
 *   word, or a lone word that is never capitalised mid-sentence elsewhere, unless a speech verb
 *   follows it. A lone proper adjective before a lowercase word ("Irish bars") is not a name.
 * - A mention is an object after a preposition, after an object-taking speech verb ("told
 *   Newsweek"), or after another lowercase content word (a verb: "defeat Putin"); possessives and
 *   objects are never subjects.
 * - `NAME, DESCRIPTION`, `DESCRIPTION, NAME` and `DESCRIPTION, a DESCRIPTION,` are appositives:
 *   the (second) description describes the first mention and is never a separate subject.
 */
import type { DocStats } from './doc-stats.ts';
import { behalfEnd, onBehalfOf, skipAge, endsClause } from './phrases.ts';
import { speechVerb } from './speech-verbs.ts';
import type { Sentence, Token } from './tokens.ts';
import {
  AMBIGUOUS_HEADS, BETWEEN_SUBJECT_AND_VERB, CLAUSE_WORDS, DEFINITE, INDEFINITE, isProperAdjective, NAME_PARTICLES, NON_NAME, OF_HEADS,
  ORG_WORDS, orgHead, personHead, PLACE_FIRST, PREPOSITIONS, RELATIVE, SUBJECT_OK_BEFORE, TITLES,
} from './words.ts';

export type MentionKind = 'name' | 'pronoun' | 'description';
export type Gender = 'm' | 'f' | null;

export interface PersonMention {
  kind: MentionKind;
  paragraph: number;
  /** Offsets into the paragraph, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Token range in the paragraph, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  gender: Gender;
  plural: boolean;
  possessive: boolean;
  object: boolean;
  subjectLike: boolean;
  /** Names: the name words without titles ("Oleksiy", "Frantzkevych"). */
  nameTokens: string[];
  titled: boolean;
  /** Looks like a person on its own (title, two or more name words that are not an organisation or place). */
  personish: boolean;
  /** Looks like an organisation or place (an org word, "the" before it, all capitals). */
  orgish: boolean;
  /** Descriptions: an organisation ("the company"), never he or she. */
  org: boolean;
  /** Descriptions: determiner kind, head lemma and label ("Belarusian fighter"). */
  definite: boolean;
  indefinite: boolean;
  head: string;
  label: string;
  /** Person head lemma of a title before a name ("MP" in "Labour MP Khalid Mahmood"). */
  role: string;
  /** This mention describes that one (appositive). */
  appositiveOf: PersonMention | null;
  /** A speech verb follows (after at most two adverbs/auxiliaries), or "who" follows. */
  speakerEvidence: boolean;
  /** he / she / they for pronouns. */
  pronoun: 'he' | 'she' | 'they' | null;
  /** Global document position (paragraph-major), filled by the caller. */
  pos: number;
}

/** "About 200 protesters": words that approximate a number rather than govern a noun. */
const APPROXIMATORS = new Set(['about', 'around', 'over', 'under', 'nearly', 'almost', 'roughly', 'some', 'approximately', 'up']);
const OBJECT_VERBS = new Set(['tell', 'ask', 'warn', 'urge', 'advise', 'assure', 'promise', 'answer', 'thank', 'call', 'label', 'brand', 'dub']);
const PRONOUNS: Record<string, { gender: Gender; plural: boolean; pronoun: 'he' | 'she' | 'they' }> = {
  he: { gender: 'm', plural: false, pronoun: 'he' },
  she: { gender: 'f', plural: false, pronoun: 'she' },
  they: { gender: null, plural: true, pronoun: 'they' },
};
const OTHER_PRONOUNS = new Set(['i', 'we', 'you', 'it', 'him', 'her', 'them', 'us', 'me', 'his', 'their', 'its', 'our', 'my', 'your', 'who', 'which', 'what', 'this', 'that', 'these', 'those', 'there', 'here', 'everyone', 'someone', 'nobody', 'anyone']);

function isWord(t: Token | undefined): t is Token {
  return !!t && (t.kind === 'word' || t.kind === 'gap');
}

/** A word that cannot be a modifier inside a description (a base-form verb may: "the state health department"). */
function stopsModifiers(t: Token): boolean {
  const l = t.lower;
  const verb = speechVerb(l);
  return (
    t.kind !== 'word' || PREPOSITIONS.has(l) || SUBJECT_OK_BEFORE.has(l) || RELATIVE.has(l) || BETWEEN_SUBJECT_AND_VERB.has(l) ||
    CLAUSE_WORDS.has(l) || OTHER_PRONOUNS.has(l) || l in PRONOUNS || (!!verb && verb.shape !== 'base') || /ly$/.test(l) || l === 'and' || l === 'or' || l === 'not'
  );
}

/** The speech verb after token `k`, skipping up to two adverbs or auxiliaries. */
function speechVerbFollows(tokens: readonly Token[], k: number): boolean {
  for (let j = k, skipped = 0; j < tokens.length && skipped <= 2; j++, skipped++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return false;
    const verb = speechVerb(t.lower);
    if (verb && !verb.termOnly && (verb.shape === 's' || verb.shape === 'past')) return true;
    if (!BETWEEN_SUBJECT_AND_VERB.has(t.lower) && !/ly$/.test(t.lower)) return false;
  }
  return false;
}

function blank(paragraph: number, kind: MentionKind, tokens: readonly Token[], from: number, to: number, text: string): PersonMention {
  return {
    kind, paragraph, start: tokens[from]!.start, end: tokens[to - 1]!.end, text, tokenStart: from, tokenEnd: to, sentence: tokens[from]!.sentence,
    gender: null, plural: false, possessive: tokens[to - 1]!.possessive, object: false, subjectLike: false, nameTokens: [], titled: false,
    personish: false, orgish: false, org: false, definite: false, indefinite: false, head: '', label: '', role: '', appositiveOf: null,
    speakerEvidence: false, pronoun: null, pos: 0,
  };
}

interface Title {
  gender: Gender;
  role: string;
  start: number;
}

/**
 * The person mentions of one paragraph, in token order. `text` is the paragraph, `tokens` and
 * `sentences` come from tokenize(); `stats` from collectStats() over the whole document.
 */
export function findMentions(paragraph: number, text: string, tokens: readonly Token[], sentences: readonly Sentence[], stats: DocStats): PersonMention[] {
  const used = new Uint8Array(tokens.length);
  const mentions: PersonMention[] = [];
  const titleBefore = new Map<number, Title>();
  const sentenceStart = (k: number) => sentences[tokens[k]!.sentence]?.start ?? 0;

  // 1. descriptions
  for (let h = 0; h < tokens.length; h++) {
    const t = tokens[h]!;
    if (t.kind !== 'word' || used[h]) continue;
    // organisation heads only as common nouns: "the museum", not "University College Dublin"
    const head = personHead(t.lower) ?? (!t.cap || h === sentenceStart(h) ? orgHead(t.lower) : undefined);
    if (!head) continue;
    const next = tokens[h + 1];
    if ((AMBIGUOUS_HEADS.has(head.lemma) || head.org) && !head.plural && isWord(next) && !next.cap) {
      const n = next.lower;
      const fine = n === 'of' || RELATIVE.has(n) || !!speechVerb(n) || BETWEEN_SUBJECT_AND_VERB.has(n) || CLAUSE_WORDS.has(n) || PREPOSITIONS.has(n) || n === 'and' || n === 'or' || n === 'close';
      if (!fine) continue;
    }
    // leftwards: modifiers up to a determiner
    let j = h - 1;
    let det = -1;
    let mods = 0;
    const floor = sentenceStart(h);
    while (j >= floor) {
      const m = tokens[j]!;
      if (m.kind !== 'word' || used[j]) break;
      if (INDEFINITE.has(m.lower) || DEFINITE.has(m.lower) || /^\p{N}[\p{N},.]*$/u.test(m.text)) {
        det = j;
        break;
      }
      if (m.possessive && m.cap && !personHead(m.lower)) {
        // "Price's wife": a possessive name works as a determiner
        det = j;
        break;
      }
      if (m.possessive || stopsModifiers(m) || mods >= 5) break;
      mods++;
      j--;
    }
    const from = det >= 0 ? det : j + 1;
    const modsFrom = det >= 0 ? det + 1 : j + 1;
    // rightwards: "of" phrase
    let end = h + 1;
    if (OF_HEADS.has(head.lemma) && tokens[h + 1]?.lower === 'of') {
      let k = h + 2;
      if (tokens[k] && (DEFINITE.has(tokens[k]!.lower) || tokens[k]!.lower === 'a' || tokens[k]!.lower === 'an')) k++;
      let words = 0;
      while (k < tokens.length && words < 6) {
        const w = tokens[k]!;
        if (w.kind !== 'word' || PREPOSITIONS.has(w.lower) || RELATIVE.has(w.lower) || speechVerb(w.lower) || (!w.cap && (stopsModifiers(w) || words >= 3))) break;
        k++;
        words++;
        if (w.possessive) break;
      }
      if (words > 0) end = k;
    } else if (onBehalfOf(head.lemma, tokens[h + 1])) {
      // "a spokesperson for McConnell", "an aide to the senator": the speaker is the spokesperson
      const k = behalfEnd(tokens, h + 2, stopsModifiers);
      if (k > 0) end = k;
    }
    const after = tokens[end];
    const beforeName = !head.org && end === h + 1 && isWord(after) && after.cap && !NON_NAME.has(after.lower) && !personHead(after.lower);
    if (beforeName) {
      // a title of the following name: "Labour MP Khalid Mahmood", "the Belarusian President Oleksandr Lukashenko"
      titleBefore.set(end, { gender: head.gender, role: head.lemma, start: from });
      for (let k = from; k < end; k++) used[k] = 1;
      continue;
    }
    if (det < 0 && !head.plural) continue;
    const detToken = det >= 0 ? tokens[det]! : null;
    if (head.org && detToken && !DEFINITE.has(detToken.lower)) continue; // "a company" is rarely a speaker
    const mention = blank(paragraph, 'description', tokens, from, end, text.slice(tokens[from]!.start, tokens[end - 1]!.end));
    mention.head = head.lemma;
    mention.gender = head.gender;
    mention.org = head.org;
    const numeric = !!detToken && /^\p{N}/u.test(detToken.text);
    mention.plural = head.plural || (!!detToken && /^(some|several|many|two|three|four|five|dozens|hundreds|thousands|few|most|all|both|these|those)$/.test(detToken.lower)) || (numeric && detToken.text !== '1');
    mention.definite = !!detToken && (DEFINITE.has(detToken.lower) || detToken.possessive);
    mention.indefinite = !!detToken && (INDEFINITE.has(detToken.lower) || numeric);
    let label = text.slice(tokens[modsFrom]!.start, tokens[end - 1]!.end);
    const first = tokens[modsFrom]!;
    if (first.cap && modsFrom === sentenceStart(modsFrom) && (modsFrom === h || stats.lowerSeen.has(first.lower))) label = label[0]!.toLowerCase() + label.slice(1);
    mention.label = label;
    for (let k = from; k < end; k++) used[k] = 1;
    mentions.push(mention);
  }

  // 2. pronouns
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || used[k]) continue;
    const p = PRONOUNS[t.lower];
    if (!p) continue;
    const mention = blank(paragraph, 'pronoun', tokens, k, k + 1, t.text);
    mention.gender = p.gender;
    mention.plural = p.plural;
    mention.pronoun = p.pronoun;
    mention.possessive = false; // he’s, they're: contractions
    used[k] = 1;
    mentions.push(mention);
  }

  // 3. names
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || used[k] || !t.cap) continue;
    let title: Title | undefined = titleBefore.get(k);
    let titleStart = title ? title.start : k;
    let gender: Gender = title?.gender ?? null;
    let titled = !!title;
    let n = k;
    // leading titles written before the name ("Mr.", "Prime Minister", "Gen.")
    while (n < tokens.length && tokens[n]!.kind === 'word' && tokens[n]!.cap && TITLES.has(tokens[n]!.lower) && isWord(tokens[n + 1]) && tokens[n + 1]!.cap && !tokens[n]!.possessive) {
      if (!titled) titleStart = n;
      titled = true;
      gender = gender ?? TITLES.get(tokens[n]!.lower) ?? null;
      if (!title) title = { gender, role: tokens[n]!.lower.replace(/\.$/, ''), start: titleStart };
      n++;
    }
    const nameStart = n;
    while (n < tokens.length) {
      const w = tokens[n]!;
      if (w.kind !== 'word' || used[n]) break;
      if (w.sentence !== tokens[nameStart]!.sentence) break;
      const particle = !w.cap && NAME_PARTICLES.has(w.lower) && n > nameStart && isWord(tokens[n + 1]) && tokens[n + 1]!.cap;
      if (!particle && (!w.cap || NON_NAME.has(w.lower) || /^\p{N}/u.test(w.text))) break;
      n++;
      if (w.possessive) break;
    }
    if (n === nameStart) {
      for (let x = k; x < nameStart; x++) used[x] = 1;
      k = Math.max(k, nameStart);
      continue;
    }
    let from = nameStart;
    const runLength = n - nameStart;
    const atSentenceStart = nameStart === sentenceStart(nameStart) && !titled;
    const first = tokens[from]!;
    if (atSentenceStart) {
      const evidence = speechVerbFollows(tokens, n) || first.possessive;
      if (runLength === 1 && !stats.midCap.has(first.text) && !evidence) from = n;
      else if (runLength > 1 && stats.lowerSeen.has(first.lower) && !stats.midCap.has(first.text)) from++;
    }
    if (from < n && n - from === 1 && !titled) {
      const w = tokens[from]!;
      const nx = tokens[n];
      if (isProperAdjective(w.text) && !w.possessive && isWord(nx) && !nx.cap && !speechVerb(nx.lower) && !CLAUSE_WORDS.has(nx.lower) && !BETWEEN_SUBJECT_AND_VERB.has(nx.lower) && !RELATIVE.has(nx.lower)) from = n;
    }
    for (let x = k; x < n; x++) used[x] = 1;
    if (from >= n) {
      k = n - 1;
      continue;
    }
    let mentionFrom = titled ? Math.min(titleStart, from) : from;
    let prefixed = false;
    if (!titled && from > 0) {
      // "the incumbent Tomasz Nowicki": a determiner and up to three lowercase modifiers in an appositive or subject slot
      let j = from - 1;
      let mods = 0;
      while (j >= 0 && mods < 3 && tokens[j]!.kind === 'word' && !tokens[j]!.cap && !used[j] && !stopsModifiers(tokens[j]!) && !INDEFINITE.has(tokens[j]!.lower) && !DEFINITE.has(tokens[j]!.lower)) {
        j--;
        mods++;
      }
      const det = tokens[j];
      const before = tokens[j - 1];
      if (mods > 0 && det && (det.lower === 'the' || det.lower === 'a' || det.lower === 'an') && (j === sentenceStart(j) || before?.text === ',' || before?.kind === 'quote')) {
        mentionFrom = j;
        prefixed = true;
      }
    }
    const mention = blank(paragraph, 'name', tokens, mentionFrom, n, text.slice(tokens[mentionFrom]!.start, tokens[n - 1]!.end));
    mention.nameTokens = tokens.slice(from, n).map((w) => w.text);
    mention.titled = titled;
    mention.gender = gender;
    mention.role = title?.role ?? '';
    const lowers = mention.nameTokens.map((w) => w.toLowerCase());
    const allCaps = mention.nameTokens.every((w) => w.length > 1 && w === w.toUpperCase());
    mention.orgish = lowers.some((w) => ORG_WORDS.has(w)) || (tokens[from - 1]?.lower === 'the' && !titled) || allCaps;
    mention.personish = titled || (prefixed && !mention.orgish) || (lowers.length >= 2 && !mention.orgish && !PLACE_FIRST.has(lowers[0]!) && !isProperAdjective(mention.nameTokens[0]!) && !lowers.some((w) => /\d/.test(w)));
    mentions.push(mention);
    k = n - 1;
  }

  mentions.sort((a, b) => a.tokenStart - b.tokenStart);
  annotate(tokens, mentions, sentenceStart);
  return mentions;
}

/** Object, subject-like, appositive and evidence flags, from the neighbours of each mention. */
function annotate(tokens: readonly Token[], mentions: PersonMention[], sentenceStart: (k: number) => number): void {
  const endingAt = new Map<number, PersonMention>();
  for (const m of mentions) endingAt.set(m.tokenEnd, m);

  // appositives
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    // "Emily Stone, 34, a nurse,": a name's age may stand between it and its description
    const comma = a.kind === 'name' && b.kind === 'description' ? skipAge(tokens, a.tokenEnd) : a.tokenEnd;
    if (a.sentence !== b.sentence || tokens[comma]?.text !== ',' || b.tokenStart !== comma + 1 || a.possessive) continue;
    const closed = tokens[b.tokenEnd]?.text === ',' || !tokens[b.tokenEnd] || !!speechVerb(tokens[b.tokenEnd]!.lower);
    if (a.kind === 'name' && b.kind === 'description' && !b.plural) b.appositiveOf = a;
    // "One pupil, a 14-year-old girl, said": an indefinite description describing the one before it
    else if (a.kind === 'description' && b.kind === 'description' && !a.plural && !b.plural && b.indefinite && !a.org && !b.org && closed) b.appositiveOf = a;
    else if (a.kind === 'description' && b.kind === 'name' && !a.plural && (closed || endsClause(tokens[b.tokenEnd]))) a.appositiveOf = b;
  }

  let seenPersonInSentence = -1;
  for (const m of mentions) {
    const prev = tokens[m.tokenStart - 1];
    const beforePrev = tokens[m.tokenStart - 2];
    let object = false;
    if (prev && prev.kind === 'word') {
      const verb = speechVerb(prev.lower);
      const approximate = APPROXIMATORS.has(prev.lower) && /^\p{N}/u.test(tokens[m.tokenStart]!.text);
      if (approximate) object = endingAt.get(m.tokenStart - 1)?.object ?? (!!beforePrev && beforePrev.kind === 'word' && (PREPOSITIONS.has(beforePrev.lower) || (!beforePrev.cap && !SUBJECT_OK_BEFORE.has(beforePrev.lower))));
      else if (PREPOSITIONS.has(prev.lower)) object = true;
      else if (verb) object = OBJECT_VERBS.has(verb.lemma) && !!beforePrev && beforePrev.kind !== 'quote' && beforePrev.text !== ',';
      else if (prev.possessive) object = true;
      else if ((prev.lower === 'and' || prev.lower === 'or') && endingAt.get(m.tokenStart - 1)?.object) object = true;
      else if (!prev.cap && !SUBJECT_OK_BEFORE.has(prev.lower) && !RELATIVE.has(prev.lower) && !/ly$/.test(prev.lower) && !BETWEEN_SUBJECT_AND_VERB.has(prev.lower) && prev.lower !== 'and' && prev.lower !== 'or' && !INDEFINITE.has(prev.lower) && !DEFINITE.has(prev.lower)) object = true;
    }
    if (m.kind === 'pronoun') object = false;
    m.object = object;
    const sStart = sentenceStart(m.tokenStart);
    const personLike = m.kind !== 'name' || m.personish;
    const firstPerson = personLike && seenPersonInSentence !== m.sentence;
    const after = tokens[m.tokenEnd];
    m.speakerEvidence = speechVerbFollows(tokens, m.tokenEnd) || (after?.lower === 'who') || (after?.text === ',' && tokens[m.tokenEnd + 1]?.lower === 'who');
    m.subjectLike =
      !m.possessive && !m.object && !m.appositiveOf &&
      (m.kind === 'pronoun' || firstPerson || m.tokenStart === sStart || prev?.text === ',' || prev?.kind === 'quote' || (!!prev && SUBJECT_OK_BEFORE.has(prev.lower)) || m.speakerEvidence);
    if (personLike && !m.object && !m.possessive) seenPersonInSentence = m.sentence;
  }
  // a description in apposition gives its name evidence, gender and role
  for (const m of mentions) {
    const target = m.appositiveOf;
    if (!target) continue;
    if (m.kind === 'description') {
      target.personish = true;
      target.gender = target.gender ?? m.gender;
      target.role = target.role || m.head;
      target.speakerEvidence = target.speakerEvidence || m.speakerEvidence;
    } else {
      m.personish = true;
      m.subjectLike = false;
    }
  }
  // "Sarah Kim and her husband": the relation's "her" / "his" gives the person before "and" a gender
  for (const m of mentions) {
    if (m.kind !== 'description') continue;
    const det = tokens[m.tokenStart]!.lower;
    const owner = tokens[m.tokenStart - 1]?.lower === 'and' ? endingAt.get(m.tokenStart - 1) : undefined;
    if ((det === 'her' || det === 'his') && owner?.kind === 'name' && !owner.possessive && !owner.gender) owner.gender = det === 'her' ? 'f' : 'm';
  }
  // DESCRIPTION, NAME, said: the description stands in the subject position for the name
  for (const m of mentions) {
    if (m.kind !== 'description' || !m.appositiveOf) continue;
    const name = m.appositiveOf;
    if (name.tokenStart > m.tokenStart) {
      // "Sarah Kim and her husband, Daniel Kim, attended": one of a pair of subjects
      const before = tokens[m.tokenStart - 1];
      const conjoined = (before?.lower === 'and' || before?.lower === 'or') && !!endingAt.get(m.tokenStart - 1)?.subjectLike;
      name.subjectLike = !name.possessive && (m.tokenStart === sentenceStart(m.tokenStart) || before?.text === ',' || name.speakerEvidence || conjoined);
      name.gender = name.gender ?? m.gender;
      name.role = name.role || m.head;
      name.personish = true;
    }
  }
}
