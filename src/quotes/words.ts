/**
 * Word lists for finding people in news text: person head nouns (with gender and plural forms),
 * titles, determiners, prepositions and the capitalised words that never start a name.
 *
 * Design notes: everything is a Set or Map lookup on the lowercased word, so scanning stays linear.
 * The lists are deliberately general newsroom vocabulary; nothing here is tuned to one article.
 */

type Gender = 'm' | 'f' | null;

/** Person head nouns. Gender where the word carries it. */
const HEADS: Record<string, Gender> = {};
const NEUTRAL = [
  'person', 'resident', 'official', 'spokesperson', 'fighter', 'soldier', 'volunteer', 'doctor', 'nurse', 'officer', 'commander',
  'minister', 'president', 'leader', 'head', 'director', 'chief', 'expert', 'analyst', 'lawyer', 'attorney', 'witness', 'victim',
  'survivor', 'friend', 'neighbor', 'neighbour', 'student', 'teacher', 'professor', 'researcher', 'scientist', 'economist', 'activist',
  'protester', 'protestor', 'voter', 'worker', 'farmer', 'owner', 'manager', 'employee', 'executive', 'ceo', 'founder', 'member',
  'lawmaker', 'senator', 'mp', 'politician', 'candidate', 'diplomat', 'ambassador', 'general', 'colonel', 'sergeant', 'captain',
  'pilot', 'driver', 'source', 'aide', 'adviser', 'advisor', 'consultant', 'representative', 'prosecutor', 'judge', 'detective',
  'investigator', 'firefighter', 'paramedic', 'reporter', 'journalist', 'editor', 'writer', 'author', 'historian', 'pastor', 'imam',
  'rabbi', 'bishop', 'coach', 'player', 'athlete', 'fan', 'customer', 'shopper', 'tourist', 'refugee', 'migrant', 'emigrant',
  'immigrant', 'veteran', 'mercenary', 'sniper', 'medic', 'surgeon', 'engineer', 'mayor', 'governor', 'councillor', 'councilor',
  'administrator', 'secretary', 'envoy', 'negotiator', 'organiser', 'organizer', 'campaigner', 'critic', 'supporter', 'opponent',
  'observer', 'villager', 'citizen', 'parent', 'child', 'teenager', 'youth', 'partner', 'colleague', 'boss', 'commentator',
  'pundit', 'strategist', 'insider', 'guard', 'inmate', 'prisoner', 'suspect', 'defendant', 'plaintiff', 'landlord', 'tenant',
  'homeowner', 'entrepreneur', 'investor', 'trader', 'banker', 'accountant', 'chef', 'musician', 'singer', 'artist', 'producer',
  'designer', 'architect', 'photographer', 'foreigner', 'civilian', 'paratrooper', 'marine', 'recruit', 'conscript', 'deputy',
  'legislator', 'regulator', 'spokesman', 'spokeswoman', 'physician', 'psychologist', 'therapist', 'pharmacist', 'dentist',
  'midwife', 'caregiver', 'carer', 'cleaner', 'miner', 'fisherman', 'shopkeeper', 'vendor', 'seller', 'buyer', 'passenger',
  'commuter', 'cyclist', 'pedestrian', 'motorist', 'climber', 'hiker', 'runner', 'swimmer', 'coordinator', 'chairperson',
  'principal', 'headteacher', 'lecturer', 'pupil', 'graduate', 'intern', 'staffer', 'operator', 'technician', 'mechanic',
  'electrician', 'plumber', 'builder', 'contractor', 'developer', 'programmer', 'analyst', 'auditor', 'inspector', 'constable',
  'superintendent', 'ranger', 'warden', 'sheriff', 'deputy', 'marshal', 'trooper', 'medic', 'chaplain', 'priest', 'cleric',
  'monk', 'nun', 'manager', 'broker', 'agent', 'official', 'biologist', 'chemist', 'physicist', 'geologist', 'epidemiologist',
  'virologist', 'meteorologist', 'forecaster', 'academic', 'scholar', 'curator', 'librarian', 'archivist', 'translator',
  'interpreter', 'guide', 'host', 'presenter', 'anchor', 'blogger', 'influencer', 'filmmaker', 'novelist', 'poet', 'playwright',
  'dancer', 'actor', 'comedian', 'sportsman', 'sportswoman', 'goalkeeper', 'striker', 'manager', 'referee', 'umpire',
  'organizer', 'mediator', 'ombudsman', 'watchdog', 'whistleblower', 'informant', 'hostage', 'captive', 'evacuee', 'occupant',
  'homeless', 'survivor', 'relative', 'cousin', 'nephew', 'niece', 'sibling', 'spouse', 'widow', 'widower', 'orphan', 'baby',
  'toddler', 'kid', 'adult', 'pensioner', 'retiree', 'local', 'native', 'mother-of-two', 'father-of-two', 'rider', 'motorist',
  'spectator', 'onlooker', 'bystander', 'visitor', 'guest', 'patient', 'client', 'user', 'listener', 'viewer', 'reader',
  'islander', 'parishioner', 'worshipper', 'mourner', 'crofter', 'shareholder', 'taxpayer', 'ratepayer', 'holidaymaker', 'demonstrator',
  'picketer', 'marcher', 'settler', 'advocate', 'lobbyist', 'donor', 'backer', 'ally', 'rival', 'militant', 'insurgent', 'rebel',
  'separatist', 'gunman', 'attacker', 'assailant', 'kidnapper', 'captor', 'hostage', 'monitor', 'employer', 'landowner', 'homemaker',
  // civic, legal and workplace roles
  'treasurer', 'clerk', 'comptroller', 'registrar', 'solicitor', 'barrister', 'counsel', 'vicar', 'magistrate', 'coroner', 'trustee',
  'provost', 'commissioner', 'chair', 'bailiff', 'surveyor', 'planner', 'cashier', 'receptionist', 'janitor', 'caretaker', 'steward',
  'archbishop', 'cardinal', 'premier', 'chancellor', 'undersecretary', 'assistant', 'assessor', 'examiner', 'notary', 'lifeguard',
  'bartender', 'nanny', 'tutor', 'trainer', 'skipper', 'ombudsperson', 'mep', 'lieutenant', 'corporal', 'admiral', 'brigadier',
  'consul', 'cfo', 'coo', 'cto',
];
for (const w of NEUTRAL) HEADS[w] = null;
const MALE = ['man', 'boy', 'father', 'son', 'husband', 'brother', 'spokesman', 'chairman', 'businessman', 'king', 'prince', 'actor',
  'waiter', 'grandfather', 'gentleman', 'guy', 'monk', 'uncle', 'nephew', 'widower', 'congressman', 'councilman', 'fisherman',
  'sportsman', 'policeman', 'fireman', 'boyfriend', 'dad', 'grandson', 'priest', 'lord', 'sir', 'ombudsman', 'father-of-two',
  'alderman', 'selectman', 'headmaster', 'barman'];
const FEMALE = ['woman', 'girl', 'mother', 'daughter', 'wife', 'sister', 'spokeswoman', 'chairwoman', 'businesswoman', 'queen',
  'princess', 'actress', 'waitress', 'grandmother', 'lady', 'nun', 'aunt', 'niece', 'widow', 'congresswoman', 'councilwoman',
  'sportswoman', 'policewoman', 'girlfriend', 'mum', 'mom', 'granddaughter', 'midwife', 'mother-of-two', 'alderwoman', 'headmistress',
  'stewardess', 'barmaid', 'landlady'];
for (const w of MALE) HEADS[w] = 'm';
for (const w of FEMALE) HEADS[w] = 'f';
for (const w of ['mp', 'ceo', 'mep', 'cfo', 'coo', 'cto']) HEADS[w] = null;

const IRREGULAR_PLURALS: Record<string, string> = {
  men: 'man', women: 'woman', people: 'person', children: 'child', spokesmen: 'spokesman', spokeswomen: 'spokeswoman',
  chairmen: 'chairman', businessmen: 'businessman', businesswomen: 'businesswoman', policemen: 'policeman', firemen: 'fireman',
  fishermen: 'fisherman', congressmen: 'congressman', gentlemen: 'gentleman', wives: 'wife', police: 'police', staff: 'staff',
  sportsmen: 'sportsman', sportswomen: 'sportswoman', congresswomen: 'congresswoman', policewomen: 'policewoman',
  councilmen: 'councilman', councilwomen: 'councilwoman', mps: 'mp', ceos: 'ceo', youths: 'youth', midwives: 'midwife',
  families: 'family', locals: 'local', natives: 'native',
};
/** Collective heads that are always plural mentions. */
const COLLECTIVE = new Set(['police', 'staff', 'family', 'crew', 'team', 'government', 'ministry', 'army', 'military', 'authorities', 'company', 'officials', 'agency', 'committee', 'council', 'campaign', 'group', 'union']);
for (const w of ['family', 'crew', 'team']) HEADS[w] = null;

/** Heads whose plural is mostly a thing ("the chairs", "trainers", "cardinals"): no plural person reading. */
const SINGULAR_ONLY = new Set(['chair', 'cardinal', 'trainer', 'planner', 'premier', 'counsel', 'examiner']);

/** Heads that are also frequent non-person words: only accepted when the next word is not a lowercase content word. */
export const AMBIGUOUS_HEADS = new Set(['head', 'general', 'chief', 'local', 'source', 'fan', 'guard', 'judge', 'host', 'guide', 'native', 'principal', 'agent', 'marine', 'anchor', 'homeless', 'developer', 'operator', 'runner', 'builder', 'baby', 'kid', 'adult', 'academic', 'watchdog', 'relative', 'deputy', 'interpreter', 'representative', 'executive', 'captive', 'player', 'member', 'team', 'family', 'crew', 'chair', 'counsel', 'cardinal', 'assistant', 'trainer', 'steward', 'clerk', 'planner', 'premier', 'examiner']);

/** Heads that take an "of" phrase as part of the description ("the head of the centre"). */
export const OF_HEADS = new Set(['head', 'chief', 'director', 'leader', 'member', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'minister', 'secretary', 'chairman', 'chairwoman', 'chairperson', 'founder', 'commander', 'mayor', 'governor', 'ceo', 'owner', 'editor', 'professor', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'friend', 'relative', 'resident', 'veteran', 'coordinator', 'manager', 'principal', 'captain', 'deputy', 'representative', 'executive', 'employee', 'survivor', 'citizen', 'supporter', 'critic', 'organizer', 'organiser', 'officer', 'official', 'lecturer', 'researcher', 'dean', 'rector', 'ambassador', 'envoy', 'historian', 'analyst', 'expert', 'treasurer', 'clerk', 'chair', 'commissioner', 'registrar', 'provost', 'trustee', 'chancellor', 'comptroller']);
HEADS['dean'] = null;
HEADS['rector'] = null;

export interface HeadInfo {
  lemma: string;
  plural: boolean;
  gender: Gender;
  /** An organisation that speaks through statements ("the company said"), not a person. */
  org: boolean;
}

/** Organisations that are quoted as speakers ("the ministry said in a statement"). */
const ORG_HEADS: Record<string, boolean> = {
  company: false, firm: false, ministry: false, government: false, agency: false, department: false, authority: false, council: false,
  committee: false, office: false, army: false, military: false, court: false, union: false, airline: false, bank: false, university: false,
  hospital: false, club: false, campaign: false, embassy: false, commission: false, board: false, administration: false, police: true,
  authorities: true, prosecutors: true, organisers: true, organizers: true, spokespeople: true, regulators: true, museum: false,
  gallery: false, charity: false, foundation: false, institute: false, organisation: false, organization: false, party: false,
  group: false, coalition: false, alliance: false, retailer: false, manufacturer: false, carmaker: false,
  publisher: false, broadcaster: false, newspaper: false, network: false, railway: false, school: false, college: false, library: false,
  zoo: false, secretariat: false, cabinet: false, parliament: false,
};
const ORG_PLURALS: Record<string, string> = { companies: 'company', firms: 'firm', ministries: 'ministry', governments: 'government', agencies: 'agency', unions: 'union', airlines: 'airline', banks: 'bank', hospitals: 'hospital', clubs: 'club' };

/** The organisation head noun `lower` is, if any. */
export function orgHead(lower: string): HeadInfo | undefined {
  if (Object.prototype.hasOwnProperty.call(ORG_HEADS, lower)) return { lemma: lower, plural: ORG_HEADS[lower]!, gender: null, org: true };
  const singular = ORG_PLURALS[lower];
  if (singular) return { lemma: singular, plural: true, gender: null, org: true };
  return undefined;
}

/** The person head noun `lower` is (singular or plural), if any. */
export function personHead(lower: string): HeadInfo | undefined {
  if (Object.prototype.hasOwnProperty.call(HEADS, lower)) return { lemma: lower, plural: COLLECTIVE.has(lower), gender: HEADS[lower] ?? null, org: false };
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) return { lemma: irregular, plural: true, gender: HEADS[irregular] ?? null, org: false };
  if (lower.endsWith('ies')) {
    const stem = `${lower.slice(0, -3)}y`;
    if (Object.prototype.hasOwnProperty.call(HEADS, stem)) return { lemma: stem, plural: true, gender: HEADS[stem] ?? null, org: false };
  }
  if (lower.endsWith('es')) {
    const stem = lower.slice(0, -2);
    if (Object.prototype.hasOwnProperty.call(HEADS, stem) && /(s|sh|ch|x|z)$/.test(stem)) return { lemma: stem, plural: true, gender: HEADS[stem] ?? null, org: false };
  }
  if (lower.endsWith('s')) {
    const stem = lower.slice(0, -1);
    if (Object.prototype.hasOwnProperty.call(HEADS, stem) && !SINGULAR_ONLY.has(stem)) return { lemma: stem, plural: true, gender: HEADS[stem] ?? null, org: false };
  }
  return undefined;
}

/** Capitalised titles before a name, with the gender they give. Multi-word titles are matched word by word. */
export const TITLES: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['mr', 'm'], ['mr.', 'm'], ['mrs', 'f'], ['mrs.', 'f'], ['ms', 'f'], ['ms.', 'f'], ['miss', 'f'], ['sir', 'm'], ['dame', 'f'],
  ['lady', 'f'], ['lord', 'm'], ['king', 'm'], ['queen', 'f'], ['prince', 'm'], ['princess', 'f'], ['sheikh', 'm'], ['father', 'm'],
  ['sister', 'f'], ['brother', 'm'], ['pope', 'm'], ['madam', 'f'], ['madame', 'f'], ['mme', 'f'], ['mme.', 'f'], ['herr', 'm'], ['frau', 'f'],
  ['dr', null], ['dr.', null], ['prof', null], ['prof.', null], ['gen', null], ['gen.', null], ['col', null], ['col.', null],
  ['lt', null], ['lt.', null], ['maj', null], ['maj.', null], ['capt', null], ['capt.', null], ['sgt', null], ['sgt.', null],
  ['cpl', null], ['cpl.', null], ['pvt', null], ['pvt.', null], ['adm', null], ['adm.', null], ['sen', null], ['sen.', null],
  ['rep', null], ['rep.', null], ['gov', null], ['gov.', null], ['rev', null], ['rev.', null], ['det', null], ['det.', null],
  ['insp', null], ['insp.', null], ['supt', null], ['supt.', null], ['cmdr', null], ['cmdr.', null], ['fr', 'm'], ['fr.', 'm'],
  ['president', null], ['premier', null], ['chancellor', null], ['minister', null], ['judge', null], ['justice', null],
  ['mayor', null], ['bishop', null], ['rabbi', null], ['imam', null], ['detective', null], ['officer', null], ['sergeant', null],
  ['captain', null], ['colonel', null], ['general', null], ['lieutenant', null], ['commander', null], ['secretary', null],
  ['senator', null], ['representative', null], ['governor', null], ['ambassador', null], ['professor', null], ['coach', null],
  ['deputy', null], ['chief', null], ['prime', null], ['vice', null], ['foreign', null], ['defence', null], ['defense', null],
  ['interior', null], ['finance', null], ['health', null], ['sheriff', null], ['constable', null], ['inspector', null],
  ['councillor', null], ['councilor', null], ['congressman', 'm'], ['congresswoman', 'f'], ['state', null], ['attorney', null],
  ['spokesman', 'm'], ['spokeswoman', 'f'], ['spokesperson', null], ['ceo', null], ['chairman', 'm'], ['chairwoman', 'f'],
]);

/** Abbreviations that keep their full stop (never end a sentence by themselves). */
export const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'cpl', 'pvt', 'adm', 'sen', 'rep', 'gov', 'rev', 'det', 'insp', 'supt', 'cmdr', 'fr', 'st', 'jr', 'sr', 'mme', 'messrs', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'mt', 'ft', 'hon', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m']);
/** Abbreviations that may end a sentence ("… in the U.S. The …"). */
export const FINAL_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m']);

export const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'four', 'five', 'dozens', 'hundreds', 'thousands', 'few', 'other', 'other', 'most', 'all', 'both', 'no', 'any']);
export const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

export const PREPOSITIONS = new Set(['of', 'to', 'in', 'on', 'at', 'with', 'for', 'from', 'by', 'about', 'against', 'over', 'under', 'into', 'onto', 'than', 'like', 'unlike', 'between', 'among', 'amongst', 'without', 'behind', 'toward', 'towards', 'through', 'during', 'per', 'via', 'upon', 'within', 'across', 'around', 'near', 'beside', 'besides', 'beyond', 'inside', 'outside', 'alongside', 'throughout', 'despite', 'including', 'except', 'regarding', 'concerning', 'above', 'below', 'beneath', 'off', 'out', 'up', 'down', 'along', 'past', 'amid', 'versus', 'whom']);

/** Words after which a mention can still be a clause subject (conjunctions, time words, adverbs). */
export const SUBJECT_OK_BEFORE = new Set(['and', 'but', 'or', 'nor', 'so', 'yet', 'while', 'whilst', 'although', 'though', 'when', 'whenever', 'because', 'since', 'as', 'if', 'unless', 'that', 'after', 'before', 'until', 'till', 'once', 'where', 'whereas', 'then', 'now', 'also', 'meanwhile', 'however', 'later', 'earlier', 'today', 'yesterday', 'tonight', 'night', 'morning', 'evening', 'afternoon', 'week', 'weekend', 'month', 'year', 'day', 'time', 'ago', 'here', 'there', 'still', 'instead', 'too', 'even', 'only', 'again', 'finally', 'first', 'next', 'soon', 'recently', 'why', 'how', 'what', 'who', 'whether', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'not', 'just', 'nevertheless', 'moreover', 'indeed', 'thus', 'hence', 'otherwise', 'perhaps', 'maybe', 'eventually']);

/** Auxiliaries and adverbs allowed between a subject and its speech verb. */
export const BETWEEN_SUBJECT_AND_VERB = new Set(['also', 'later', 'then', 'once', 'again', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'did', 'does', 'do', 'could', 'should', 'might', 'may', 'can', 'must', 'shall', 'never', 'not', 'already', 'previously', 'recently', 'earlier', 'first', 'often', 'always', 'still', 'even', 'just', 'only', 'repeatedly', 'once', 'further', 'were', 'are', 'been', 'be', 'has', 'himself', 'herself', 'themselves', 'too', 'soon', 'now', 'simply']);

export const AUXILIARIES = new Set(['has', 'had', 'have', 'would', 'will', 'did', 'does', 'do', 'could', 'should', 'might', 'may', 'can', 'must', 'shall', "didn't", 'didn’t', "won't", 'won’t', 'to']);

/** Words that make a verb's tail a clause ("He said the army was …"), not an attribution tail. */
export const CLAUSE_WORDS = new Set(['that', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'will', 'would', 'could', 'should', 'can', 'did', 'does', 'do', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'because', 'if', 'when', 'after', 'before', 'how', 'what', 'why', 'whether']);

/** Capitalised words that never begin or form a person's name. */
export const NON_NAME = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'however', 'although', 'though', 'while', 'even', 'not', 'until', 'since',
  'after', 'before', 'when', 'if', 'last', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'our',
  'his', 'her', 'their', 'its', 'my', 'your', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'only', 'some', 'many',
  'most', 'few', 'all', 'both', 'each', 'every', 'no', 'yet', 'so', 'then', 'now', 'also', 'according', 'meanwhile', 'for',
  'from', 'with', 'by', 'as', 'to', 'of', 'because', 'after', 'during', 'despite', 'instead', 'still', 'just', 'yes', 'oh',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'tonight',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third', 'next', 'other',
  'another', 'such', 'much', 'more', 'less', 'any', 'none', 'nobody', 'everyone', 'someone', 'anyone', 'nothing', 'everything',
  'something', 'whether', 'unless', 'once', 'thus', 'therefore', 'indeed', 'perhaps', 'maybe', 'again', 'already', 'never',
  'always', 'often', 'sometimes', 'asked', 'said', 'says', 'told', 'mr', 'mrs', 'ms', 'dr', 'do', 'does', 'did', 'is', 'are',
  'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must', 'might', 'let', 'please',
  'thank', 'thanks', 'well', 'like', 'unlike', 'earlier', 'later', 'finally', 'together', 'neither', 'either', 'nor', 'than',
  'over', 'under', 'about', 'into', 'through', 'against', 'between', 'among', 'without', 'within', 'along', 'across', 'behind',
  'beyond', 'near', 'amid', 'around', 'up', 'down', 'out', 'off', 'hello', 'okay', 'ok', 'countless', 'several', 'various',
  'although', 'whereas', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'otherwise', 'hence', 'besides', 'almost',
  'very', 'too', 'quite', 'rather', 'really', 'already', 'soon', 'tonight', 'ago', 'whose', 'which', 'whom', 'am', 'pm', 'a.m.', 'p.m.',
]);

/** Words that make a capitalised run an organisation or a place, not a person. */
export const ORG_WORDS = new Set([
  'center', 'centre', 'ministry', 'party', 'university', 'college', 'school', 'council', 'committee', 'agency', 'army', 'force',
  'forces', 'times', 'news', 'post', 'journal', 'company', 'corporation', 'inc', 'inc.', 'ltd', 'ltd.', 'group', 'bank', 'institute',
  'foundation', 'association', 'union', 'department', 'office', 'service', 'services', 'court', 'parliament', 'assembly', 'congress',
  'senate', 'house', 'church', 'hospital', 'airport', 'street', 'square', 'road', 'avenue', 'park', 'river', 'sea', 'ocean',
  'mountains', 'republic', 'kingdom', 'states', 'federation', 'region', 'oblast', 'city', 'county', 'province', 'island',
  'islands', 'bay', 'lake', 'club', 'fc', 'united', 'media', 'network', 'press', 'radio', 'tv', 'television', 'fund', 'alliance',
  'front', 'movement', 'brigade', 'battalion', 'regiment', 'legion', 'guard', 'police', 'commission', 'organization',
  'organisation', 'museum', 'theatre', 'theater', 'prize', 'award', 'festival', 'cup', 'league', 'championship', 'games',
  'olympics', 'hall', 'bridge', 'station', 'market', 'mall', 'hotel', 'restaurant', 'bar', 'cafe', 'labs', 'technologies',
  'systems', 'motors', 'airlines', 'energy', 'holdings', 'partners', 'capital', 'project', 'initiative', 'program', 'programme',
  'act', 'law', 'bill', 'plan', 'day', 'week', 'war', 'revolution', 'cross', 'government', 'administration', 'authority',
  'board', 'trust', 'society', 'academy', 'library', 'gallery', 'stadium', 'arena', 'prison', 'base', 'district', 'valley',
  'coast', 'peninsula', 'desert', 'forest', 'canal', 'port', 'harbour', 'harbor', 'village', 'town', 'province', 'state',
  'federal', 'national', 'international', 'global', 'world', 'european', 'reuters', 'associated', 'ap', 'bbc', 'cnn', 'afp',
  'empire', 'dynasty', 'church', 'cathedral', 'mosque', 'temple', 'synagogue', 'unit', 'units', 'corps', 'navy', 'air',
  'secondary', 'primary', 'high', 'crisis', 'clinic', 'laboratory', 'lab', 'studio', 'studios', 'records', 'pictures', 'books',
  'magazine', 'gazette', 'herald', 'tribune', 'telegraph', 'guardian', 'observer', 'chronicle', 'review', 'daily', 'weekly',
]);

/** First words of place names ("New York", "South Africa"). */
export const PLACE_FIRST = new Set(['new', 'north', 'south', 'east', 'west', 'saint', 'st', 'st.', 'los', 'las', 'san', 'santa', 'el', 'fort', 'port', 'mount', 'lake', 'cape', 'upper', 'lower', 'greater', 'central', 'northern', 'southern', 'eastern', 'western', 'hong', 'sri', 'costa', 'puerto', 'buenos', 'rio', 'tel', 'abu', 'kuala', 'great', 'united', 'royal', 'old', 'little', 'big']);

/** Name particles that may sit inside a capitalised run ("Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'ter', 'dos', 'das', 'di', 'mac', 'y']);

/** Relative pronouns that open a clause after a subject ("a fighter who served …"). */
export const RELATIVE = new Set(['who', 'whose', 'which', 'that', 'whom']);

const PROPER_ADJECTIVES = new Set(['french', 'dutch', 'czech', 'greek', 'thai', 'swiss', 'welsh', 'scots', 'irish', 'danish', 'polish', 'finnish']);

/** A word looks like a nationality or other proper adjective ("Belarusian", "Irish", "Japanese"). */
export function isProperAdjective(word: string): boolean {
  const lower = word.toLowerCase();
  return (/(ian|ean|ese|ish|ern|ican|ic|ani|aqi|eli)$/.test(lower) && lower.length > 3) || PROPER_ADJECTIVES.has(lower);
}
