/**
 * Which English an article is written in, guessed from its spelling.
 *
 * A spelling engine set to American English flags "colour", "centre", "programme" and
 * "councillor"; set to British English it flags "color" and "center". A newsroom may publish in
 * either, so by default the article decides: lower-case words with a distinctly British or a
 * distinctly American spelling are counted, and the majority wins (American on a tie or when
 * there is no evidence). Capitalised words are skipped, because names keep their own spelling
 * ("Labour Party", "Rockefeller Center", "Pearl Harbor").
 */
import type { EnglishDialect } from './types.ts';

/** Word patterns spelled one way in British English (and the Commonwealth), another in American English. */
const BRITISH = new RegExp(
  '^(?:' +
    [
      // -our
      '(?:col|fav|hon|lab|neighb|harb|behavi|rum|hum|flav|vig|od|arm|endeav|sav|val|parl|savi|glam|clam|rig|splend|ferv|ard|tum|vap)our(?:s|ed|ing|ite|ites|hood|hoods|able|ful|less|er|ers|ly)?',
      // -re
      '(?:cent|met|kilomet|centimet|millimet|theat|fib|lit|calib|spect|somb|meag|lust|sab|manoeuv)re(?:s|d)?',
      '(?:programme|programmes|catalogue|catalogues|cheque|cheques|tyre|tyres|kerb|kerbs|grey|greyer|storey|storeys|plough|ploughs|jewellery|aluminium|whilst|amongst|sceptic|sceptical|scepticism|mum|mums|pyjamas|practise|practised|practising)',
      // -ence where American has -ense
      '(?:defen|offen|licen|preten)ce(?:s)?',
      // doubled l before a suffix
      '(?:travel|cancel|model|label|fuel|signal|total|level|marshal|counsel|quarrel|channel|tunnel|equal|dial|jewel|rival|shovel|snorkel)l(?:ed|ing|er|ers)',
      'councillor(?:s)?',
      // -ise where Americans always write -ize (not "advertise", "exercise", "surprise", …)
      '(?:organ|real|recogn|apolog|critic|emphas|equal|final|mobil|priorit|privat|stabil|legal|modern|author|character|civil|capital|central|global|normal|special|minim|maxim|subsid|sympath|summar|categor|fantas|jeopard|memor|monopol|neutral|optim|polar|popular|revolution|scrutin|standard|util|visual|hospital|familiar|econom|agon|terror)is(?:e|es|ed|ing|ation|ations)',
      '(?:analy|paraly|cataly)s(?:e|es|ed|ing)',
    ].join('|') +
    ')$',
);

const AMERICAN = new RegExp(
  '^(?:' +
    [
      '(?:col|fav|hon|lab|neighb|harb|behavi|rum|hum|flav|vig|od|arm|endeav|sav|val|parl|savi|clam|rig|splend|ferv|ard|tum|vap)or(?:s|ed|ing|ite|ites|hood|hoods|able|ful|less|er|ers)?',
      '(?:cent|kilomet|centimet|millimet|theat|fib|calib|spect|somb|meag|lust|sab|maneuv|och)er(?:s|ed)?',
      '(?:checkbook|gray|grayer|plow|plows|jewelry|aluminum|skeptic|skeptical|skepticism|mom|moms|pajamas)',
      '(?:defen|offen|preten)se(?:s)?',
      '(?:travel|cancel|model|label|fuel|signal|total|level|marshal|counsel|quarrel|channel|tunnel|equal|dial|jewel|rival|shovel|snorkel)(?:ed|ing|er|ers)',
      'councilor(?:s)?',
      '(?:organ|real|recogn|apolog|critic|emphas|equal|final|mobil|priorit|privat|stabil|legal|modern|author|character|civil|capital|central|global|normal|special|minim|maxim|subsid|sympath|summar|categor|fantas|jeopard|memor|monopol|neutral|optim|polar|popular|revolution|scrutin|standard|util|visual|hospital|familiar|econom|agon|terror)iz(?:e|es|ed|ing|ation|ations)',
      '(?:analy|paraly|cataly)z(?:e|es|ed|ing)',
    ].join('|') +
    ')$',
);

/** How many words of each spelling the article has. */
export interface DialectEvidence {
  british: number;
  american: number;
}

/** Counts the British and American spellings among the lower-case words of `paragraphs`. */
export function dialectEvidence(paragraphs: readonly string[]): DialectEvidence {
  const evidence: DialectEvidence = { british: 0, american: 0 };
  for (const text of paragraphs) {
    for (const m of text.matchAll(/(?<![\p{L}\p{M}’'-])\p{Ll}[\p{Ll}\p{M}]+(?![\p{L}\p{M}])/gu)) {
      const word = m[0];
      if (BRITISH.test(word)) evidence.british++;
      else if (AMERICAN.test(word)) evidence.american++;
    }
  }
  return evidence;
}

/** 'british' when the article has more British than American spellings, otherwise 'american'. */
export function detectDialect(paragraphs: readonly string[]): EnglishDialect {
  const { british, american } = dialectEvidence(paragraphs);
  return british > american ? 'british' : 'american';
}
