/** The types of quote detection and attribution (see analyze.ts). */
export type Sieve = 'q-s-v' | 'q-v-s' | 's-v-q' | 'v-s-q' | 'according-to' | 'pronoun' | 'in-sentence' | 'same-paragraph' | 'continuation' | 'previous-sentence' | 'floating' | 'user';
/** Offsets into paragraphs[paragraph], end exclusive. */
export interface TextSpan { paragraph: number; start: number; end: number; }
export interface Mention extends TextSpan { text: string; }
/** Includes the opening and (if present) closing marks. */
export type QuoteSegment = TextSpan;
export interface DetectedQuote {
  segments: QuoteSegment[];
  text: string;
  kind: 'direct' | 'partial';
  unclosed: boolean;
  speaker: string | null;
  confidence: number;
  sieve: Sieve | null;
  mention: Mention | null;
  evidence: string;
  candidates: { speaker: string; score: number }[];
}
export interface SpeakerEntity { id: string; name: string; aliases: string[]; gender: 'm' | 'f' | null; named: boolean; }
export interface SpellingVariant { speaker: string; canonical: string; variant: string; }
export interface KnownSpeaker { id: string; name: string; aliases: string[]; }
export interface QuoteAnalysis { quotes: DetectedQuote[]; speakers: SpeakerEntity[]; variants: SpellingVariant[]; }
