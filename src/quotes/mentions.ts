/**
 * People mentioned outside quotations: names (capitalised runs, with titles), pronouns, and
 * descriptions ("a Belarusian fighter who served…", "the mayor"). Text inside quotes never names
 * a speaker. Each mention knows whether it is subject-like (first person mention of its sentence,
 * not a possessive, not after a preposition or a verb of telling).
 */
import { DETERMINERS, NOT_NAMES, NOUN_GENDER, PERSON_PLURAL, PERSON_SINGULAR, PREPOSITIONS, PRONOUNS, TITLES } from './lexicon.ts';

export type MentionKind = 'name' | 'pronoun' | 'description';

export interface PersonMention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** Name without title/possessive; description head phrase ("Belarusian fighter"); pronoun itself. */
  label: string;
  gender: 'm' | 'f' | 'p' | null;
  definite: boolean;
  possessive: boolean;
  subjectLike: boolean;
  sentence: number;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words with offsets (letters, digits, apostrophes, periods of abbreviations). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}\uFFFC][\p{L}\p{N}’'\-\uFFFC]*\.?/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let word = m[0];
    // Keep a final period only for known abbreviations (Mr., Dr.).
    if (word.endsWith('.') && !(word.toLowerCase() in TITLES)) word = word.slice(0, -1);
    tokens.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return tokens;
}

const isCap = (word: string) => /^\p{Lu}/u.test(word);
const stripPossessive = (word: string) => word.replace(/[’']s?$/u, '');
const isPossessive = (word: string) => /[’']s?$/u.test(word) && word.length > 2;

/**
 * The mentions in one stretch of narrative text [from, to) of a paragraph. `sentenceOf` gives the
 * sentence number of an offset; `midSentenceCaps` lists capitalised words seen mid-sentence in
 * the article (a lone capitalised word at a sentence start counts only if it is among them).
 */
export function findMentions(
  text: string,
  paragraph: number,
  from: number,
  to: number,
  sentenceOf: (offset: number) => number,
  sentenceStart: (offset: number) => boolean,
  midSentenceCaps: ReadonlySet<string>,
): PersonMention[] {
  const tokens = tokenize(text, from, to).filter((t) => t.end <= to);
  const mentions: PersonMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.text.toLowerCase();
    const prev = tokens[i - 1];
    const afterPreposition = !!prev && PREPOSITIONS.has(prev.text.toLowerCase()) && sentenceOf(prev.start) === sentenceOf(token.start);
    const base = { paragraph, sentence: sentenceOf(token.start) };
    if (lower in PRONOUNS && (token.text === lower || sentenceStart(token.start))) {
      mentions.push({ ...base, start: token.start, end: token.end, text: token.text, kind: 'pronoun', label: lower, gender: PRONOUNS[lower]!, definite: true, possessive: false, subjectLike: !afterPreposition });
      continue;
    }
    // Descriptions: determiner + up to 5 modifiers + a person noun.
    if (DETERMINERS.has(lower)) {
      let j = i + 1;
      while (j < tokens.length && j <= i + 6 && !PERSON_SINGULAR.has(tokens[j]!.text.toLowerCase()) && !PERSON_PLURAL.has(tokens[j]!.text.toLowerCase())) {
        if (/[,.;:!?“”"]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
        j++;
      }
      const head = tokens[j];
      if (head && j <= i + 6 && !/[,.;:!?“”"]/u.test(text.slice(tokens[j - 1]!.end, head.start))) {
        const headLower = head.text.toLowerCase();
        const plural = PERSON_PLURAL.has(headLower) && !PERSON_SINGULAR.has(headLower);
        const modifiers = tokens.slice(i + 1, j).map((t) => t.text);
        mentions.push({
          ...base,
          start: token.start,
          end: head.end,
          text: text.slice(token.start, head.end),
          kind: 'description',
          label: [...modifiers, head.text].join(' '),
          gender: plural ? 'p' : (NOUN_GENDER[headLower] ?? null),
          definite: lower === 'the' || lower === 'this' || lower === 'that',
          possessive: false,
          subjectLike: !afterPreposition,
        });
        i = j;
        continue;
      }
    }
    // Names: a run of capitalised words, maybe after a title.
    if (isCap(token.text) && !NOT_NAMES.has(stripPossessive(token.text)) || lower in TITLES && isCap(token.text)) {
      let j = i;
      let gender: 'm' | 'f' | null = null;
      const words: string[] = [];
      let possessive = false;
      while (j < tokens.length && isCap(tokens[j]!.text)) {
        if (j > i && /[,.;:!?“”"()—–]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
        const word = tokens[j]!.text;
        const wordLower = word.toLowerCase();
        if (words.length === 0 && wordLower in TITLES) {
          gender = TITLES[wordLower] ?? null;
          j++;
          continue;
        }
        if (NOT_NAMES.has(stripPossessive(word)) && words.length > 0) break;
        words.push(stripPossessive(word));
        if (isPossessive(word)) {
          possessive = true;
          j++;
          break;
        }
        j++;
      }
      if (words.length === 0) continue;
      const end = tokens[j - 1]!.end;
      const single = words.length === 1 && j - i === 1;
      if (single && sentenceStart(token.start) && !midSentenceCaps.has(words[0]!)) {
        i = j - 1;
        continue;
      }
      mentions.push({ ...base, start: token.start, end, text: text.slice(token.start, end), kind: 'name', label: words.join(' '), gender, definite: true, possessive, subjectLike: !possessive && !afterPreposition });
      i = j - 1;
    }
  }
  // Only the first person mention of a sentence is subject-like (plus sentence-initial ones).
  const seen = new Set<number>();
  for (const mention of mentions) {
    if (mention.subjectLike && seen.has(mention.sentence) && !sentenceStart(mention.start)) mention.subjectLike = false;
    if (!mention.possessive) seen.add(mention.sentence);
  }
  return mentions;
}
