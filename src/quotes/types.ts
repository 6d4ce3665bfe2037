/**
 * The types of quote detection and attribution (see analyze.ts for the entry point and
 * shared/design/quotes.md for the algorithm).
 */

/** The rule that attributed a quote (design note, section D), or 'user' for a person's decision. */
export type Sieve = 'q-s-v' | 'q-v-s' | 's-v-q' | 'v-s-q' | 'according-to' | 'pronoun' | 'in-sentence' | 'same-paragraph' | 'continuation' | 'previous-sentence' | 'floating' | 'user';

/** Offsets into paragraphs[paragraph], end exclusive. */
export interface TextSpan { paragraph: number; start: number; end: number; }

/** Words outside quotes that name a speaker ("he", "Frantskevich", "a Belarusian fighter"). */
export interface Mention extends TextSpan { text: string; }

/** One paragraph's part of a quote; includes the opening and (if present) closing marks. */
export type QuoteSegment = TextSpan;

export interface DetectedQuote {
  /** At least one; several when one utterance runs over consecutive paragraphs. */
  segments: QuoteSegment[];
  /** Segment texts joined with '\n'. */
  text: string;
  /** Terms (scare quotes) that no speech verb attributes are not returned at all. */
  kind: 'direct' | 'partial';
  /** Closed at a paragraph end because the next paragraph did not continue it. */
  unclosed: boolean;
  /** A SpeakerEntity.id from QuoteAnalysis.speakers, null if none was found. */
  speaker: string | null;
  /** 0..1: the sieve's prior, lowered for variant links, unknown gender and unclosed quotes. */
  confidence: number;
  sieve: Sieve | null;
  /** The words naming the speaker for this quote; null when the speaker was inherited. */
  mention: Mention | null;
  /** Human-readable reason, e.g. '“…,” he said → he = Belarusian fighter'. */
  evidence: string;
  /** Top 3 distinct candidates, best first (for "who said this?"). */
  candidates: { speaker: string; score: number }[];
}

export interface SpeakerEntity { id: string; name: string; aliases: string[]; gender: 'm' | 'f' | null; named: boolean; }

/** Two spellings of one speaker's surname, e.g. Frantzkevych / Frantskevich (first seen is canonical). */
export interface SpellingVariant { speaker: string; canonical: string; variant: string; }

/**
 * A speaker of the article's registry; a matching person reuses its id. `auto`: proposed by an
 * earlier run and never confirmed or edited by the user.
 */
export interface KnownSpeaker { id: string; name: string; aliases: string[]; auto?: boolean; }

/**
 * A quote whose speaker the editor has confirmed: detection takes that speaker as given (sieve
 * 'user') and reasons from it, e.g. for the next quote in the same paragraph. `speaker` is the id
 * of a KnownSpeaker.
 */
export interface DecidedQuote { spans: TextSpan[]; speaker: string; }

export interface QuoteAnalysis { quotes: DetectedQuote[]; speakers: SpeakerEntity[]; variants: SpellingVariant[]; }
