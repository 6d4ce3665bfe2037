/**
 * What the whole document says about capitalised words: which are seen capitalised away from a
 * sentence start (so a capital there means a name) and which are seen in lowercase. Mention
 * finding (mentions.ts) uses it to decide whether a capitalised word at a sentence start is a name.
 */
import type { Sentence, Token } from './tokens.ts';

/** What the whole document says about capitalised words, for the sentence-start rule. */
export interface DocStats {
  /** Capitalised words seen not at a sentence start. */
  midCap: Set<string>;
  /** Lowercased words seen written in lowercase. */
  lowerSeen: Set<string>;
}

/** Adds one paragraph's words to the document statistics. */
export function collectStats(tokens: readonly Token[], sentences: readonly Sentence[], stats: DocStats): void {
  const starts = new Set(sentences.map((s) => s.start));
  tokens.forEach((t, i) => {
    if (t.kind !== 'word') return;
    if (t.cap) {
      if (!starts.has(i) && tokens[i - 1]?.kind !== 'quote') stats.midCap.add(t.text);
    } else stats.lowerSeen.add(t.lower);
  });
}
