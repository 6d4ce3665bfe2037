/** Words the quote finder needs: speech verbs (all forms), pronouns, titles and person nouns. */

const SPEECH_LEMMAS = [
  'accept', 'acknowledge', 'add', 'admit', 'advise', 'announce', 'answer', 'argue', 'ask', 'assert', 'assure', 'claim', 'clarify',
  'comment', 'conclude', 'confirm', 'continue', 'counter', 'declare', 'deny', 'describe', 'estimate', 'exclaim', 'explain', 'insist',
  'mention', 'note', 'observe', 'point', 'predict', 'promise', 'recall', 'reply', 'report', 'respond', 'say', 'shout', 'speak',
  'state', 'suggest', 'swear', 'tell', 'testify', 'tweet', 'urge', 'warn', 'write', 'call', 'think', 'find', 'recount', 'stress', 'joke',
];
const IRREGULAR = ['said', 'says', 'told', 'tells', 'wrote', 'written', 'thought', 'spoke', 'spoken', 'swore', 'sworn', 'found', 'denied', 'denies', 'replied', 'replies', 'testified', 'testifies', 'clarified', 'clarifies'];

function inflect(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const s = /(s|sh|ch|x)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, s, `${stem}ed`, `${stem}ing`, lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`];
}

/** Every form of every speech verb, lower case. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...SPEECH_LEMMAS.flatMap(inflect), ...IRREGULAR]);

export const PRONOUNS: Readonly<Record<string, 'm' | 'f' | 'p'>> = { he: 'm', she: 'f', they: 'p' };

/** Titles before a name, and the gender they give (null: none). */
export const TITLES: Readonly<Record<string, 'm' | 'f' | null>> = {
  'mr.': 'm', mr: 'm', 'mrs.': 'f', mrs: 'f', 'ms.': 'f', ms: 'f', 'miss': 'f', 'sir': 'm', 'dame': 'f', 'lord': 'm', 'lady': 'f',
  'dr.': null, dr: null, 'prof.': null, professor: null, 'gen.': null, general: null, 'col.': null, colonel: null, 'capt.': null, captain: null,
  'sen.': null, senator: null, 'rep.': null, president: null, 'prime': null, minister: null, governor: null, mayor: null, judge: null,
  father: 'm', sister: 'f', 'rev.': null, chancellor: null, king: 'm', queen: 'f', prince: 'm', princess: 'f', 'sgt.': null, sergeant: null,
};

/** Nouns that name a person (singular → plural). */
const PERSON_NOUNS = [
  'fighter', 'soldier', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'doctor', 'man', 'woman', 'resident', 'officer', 'minister',
  'president', 'mayor', 'volunteer', 'witness', 'analyst', 'expert', 'source', 'lawyer', 'teacher', 'student', 'worker', 'nurse', 'activist',
  'leader', 'commander', 'director', 'head', 'chief', 'manager', 'member', 'citizen', 'farmer', 'owner', 'driver', 'journalist', 'reporter',
  'editor', 'researcher', 'scientist', 'professor', 'economist', 'historian', 'diplomat', 'ambassador', 'senator', 'lawmaker', 'politician',
  'candidate', 'voter', 'protester', 'refugee', 'veteran', 'survivor', 'victim', 'neighbour', 'neighbor', 'friend', 'mother', 'father', 'son',
  'daughter', 'wife', 'husband', 'brother', 'sister', 'boy', 'girl', 'person', 'coach', 'player', 'captain', 'general', 'colonel', 'sergeant',
  'pilot', 'engineer', 'designer', 'chef', 'priest', 'bishop', 'judge', 'prosecutor', 'attorney', 'detective', 'firefighter', 'paramedic',
  'councillor', 'councilor', 'governor', 'chairman', 'chairwoman', 'founder', 'executive', 'spokesman', 'organiser', 'organizer', 'shopkeeper',
  'mechanic', 'fisherman', 'miner', 'trader', 'banker', 'investor', 'surgeon', 'physician', 'midwife', 'pensioner', 'mp', 'critic', 'supporter',
  'opponent', 'guard', 'medic', 'instructor', 'recruit', 'emigrant', 'immigrant', 'mother', 'grandmother', 'grandfather', 'child', 'expert',
];
const IRREGULAR_PLURALS: Record<string, string> = { man: 'men', woman: 'women', spokesman: 'spokesmen', spokeswoman: 'spokeswomen', child: 'children', person: 'people', fisherman: 'fishermen', chairman: 'chairmen', chairwoman: 'chairwomen' };

export const PERSON_SINGULAR: ReadonlySet<string> = new Set(PERSON_NOUNS);
export const PERSON_PLURAL: ReadonlySet<string> = new Set(PERSON_NOUNS.map((n) => IRREGULAR_PLURALS[n] ?? (/(s|sh|ch|x)$/.test(n) ? `${n}es` : `${n}s`)));
/** Person nouns that give a gender. */
export const NOUN_GENDER: Readonly<Record<string, 'm' | 'f'>> = {
  man: 'm', spokesman: 'm', father: 'm', son: 'm', husband: 'm', brother: 'm', boy: 'm', chairman: 'm', fisherman: 'm', grandfather: 'm',
  woman: 'f', spokeswoman: 'f', mother: 'f', daughter: 'f', wife: 'f', sister: 'f', girl: 'f', chairwoman: 'f', grandmother: 'f', midwife: 'f',
};

export const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'one', 'another', 'this', 'that']);
export const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'from', 'to', 'with', 'by', 'for', 'at', 'on', 'about', 'against', 'over', 'under', 'into', 'than', 'like', 'told', 'tells', 'tell', 'asked', 'and', 'or']);
/** Capitalised words that are never part of a person's name. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'But', 'And', 'Or', 'If', 'When', 'While', 'Although', 'Though', 'After', 'Before', 'Since', 'Until', 'As', 'In', 'On', 'At',
  'For', 'From', 'To', 'By', 'With', 'Without', 'Not', 'Now', 'Then', 'However', 'Even', 'Only', 'So', 'Yet', 'This', 'That', 'These', 'Those',
  'There', 'Here', 'It', 'We', 'I', 'You', 'He', 'She', 'They', 'His', 'Her', 'Their', 'Our', 'My', 'Its', 'According', 'About', 'Last', 'Next',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Critics', 'Officials', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'What', 'Why',
  'How', 'Who', 'Where', 'Which', 'Yes', 'No', 'Until', 'Once', 'Also', 'Still', 'Meanwhile', 'Today', 'Yesterday', 'Tomorrow',
]);
