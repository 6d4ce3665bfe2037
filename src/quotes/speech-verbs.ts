/**
 * Speech verbs: the lemmas of the design note, inflected with -s, -ed, -ing and the irregular
 * forms, looked up by surface form in one map (constant time per token).
 *
 * Design notes: a form knows its lemma and its shape (`base`, `s`, `past`, `ing`). Shapes matter
 * because the base form ("say") is only a finite verb after an auxiliary or a plural subject, and
 * the -s forms of some lemmas are also plural nouns ("claims", "reports"): such noun readings
 * only count when a subject stands right before them. A few verbs (call, dub, label …) only
 * attribute a short quoted term inside the same sentence ("Critics called the policy “woke”").
 */

export type VerbShape = 'base' | 's' | 'past' | 'ing';

export interface SpeechVerb {
  lemma: string;
  shape: VerbShape;
  /** The form is also a common noun ("claims", "report"): it needs a subject right before it. */
  nounLike: boolean;
  /** Only attributes a quoted term in its sentence, never a full quotation by position. */
  termOnly: boolean;
}

/** The lemmas of the design note plus a few frequent newsroom verbs. */
const LEMMAS = [
  'accept', 'acknowledge', 'add', 'admit', 'advise', 'announce', 'answer', 'argue', 'ask', 'assert', 'assure',
  'claim', 'clarify', 'comment', 'conclude', 'confirm', 'continue', 'counter', 'declare', 'deny', 'describe',
  'estimate', 'exclaim', 'explain', 'insist', 'mention', 'note', 'observe', 'predict', 'promise', 'recall',
  'reply', 'report', 'respond', 'say', 'shout', 'speak', 'state', 'suggest', 'swear', 'tell', 'testify', 'tweet',
  'urge', 'warn', 'write', 'think', 'find',
  // frequent in news copy, same behaviour
  'stress', 'emphasise', 'emphasize', 'concede', 'complain', 'joke', 'quip', 'recount', 'remark', 'reiterate',
  'caution', 'contend', 'whisper', 'yell', 'scream', 'boast', 'lament', 'wonder', 'agree', 'reflect', 'plead', 'chant',
];

/** Verbs that name or characterise something rather than report speech: terms only. */
const TERM_LEMMAS = ['call', 'dub', 'label', 'brand', 'term', 'nickname'];

/** Lemmas whose -s form (and base form) is also a frequent noun. */
const NOUN_LIKE = new Set(['claim', 'report', 'note', 'comment', 'tweet', 'answer', 'promise', 'reply', 'estimate', 'state', 'counter', 'remark', 'complain', 'joke', 'plead', 'find', 'call', 'label', 'brand', 'term', 'nickname', 'dub', 'stress', 'whisper', 'yell', 'scream', 'boast', 'lament', 'quip', 'recount', 'chant']);

const IRREGULAR: Record<string, { past: string[]; s?: string; ing?: string }> = {
  say: { past: ['said'] },
  tell: { past: ['told'] },
  write: { past: ['wrote', 'written'], ing: 'writing' },
  think: { past: ['thought'] },
  speak: { past: ['spoke', 'spoken'] },
  swear: { past: ['swore', 'sworn'] },
  find: { past: ['found'] },
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Regular inflections of `lemma`: [s, past, ing]. */
function inflect(lemma: string): { s: string; past: string[]; ing: string } {
  const last = lemma.at(-1) ?? '';
  const before = lemma.at(-2) ?? '';
  if (last === 'e') return { s: `${lemma}s`, past: [`${lemma}d`], ing: `${lemma.slice(0, -1)}ing` };
  if (last === 'y' && !VOWELS.has(before)) {
    const stem = lemma.slice(0, -1);
    return { s: `${stem}ies`, past: [`${stem}ied`], ing: `${lemma}ing` };
  }
  if (/(s|sh|ch|x|z)$/.test(lemma)) return { s: `${lemma}es`, past: [`${lemma}ed`], ing: `${lemma}ing` };
  // consonant-vowel-consonant with stress on the last syllable: admit → admitted, quip → quipped
  if (lemma === 'admit' || lemma === 'quip') {
    return { s: `${lemma}s`, past: [`${lemma}${last}ed`], ing: `${lemma}${last}ing` };
  }
  return { s: `${lemma}s`, past: [`${lemma}ed`], ing: `${lemma}ing` };
}

const FORMS = new Map<string, SpeechVerb>();

function addLemma(lemma: string, termOnly: boolean): void {
  const nounLike = NOUN_LIKE.has(lemma);
  const regular = inflect(lemma);
  const irregular = IRREGULAR[lemma];
  const put = (form: string, shape: VerbShape) => {
    if (!FORMS.has(form)) FORMS.set(form, { lemma, shape, nounLike: nounLike && (shape === 's' || shape === 'base'), termOnly });
  };
  put(lemma, 'base');
  put(irregular?.s ?? regular.s, 's');
  for (const past of irregular?.past ?? regular.past) put(past, 'past');
  put(irregular?.ing ?? regular.ing, 'ing');
  if (lemma === 'plead') put('pled', 'past');
}

for (const lemma of LEMMAS) addLemma(lemma, false);
for (const lemma of TERM_LEMMAS) addLemma(lemma, true);

/** The speech verb a lowercased word form is, if any. */
export function speechVerb(lower: string): SpeechVerb | undefined {
  return FORMS.get(lower);
}
