/**
 * Web Worker entry that runs quote detection off the main thread. Messages are plain JSON:
 * `{ id, paragraphs, known }` in, `{ id, analysis }` or `{ id, error }` out.
 */
import { analyzeQuotes } from './analyze.ts';
import type { KnownSpeaker } from './types.ts';

interface Request {
  id: number;
  paragraphs: string[];
  known: KnownSpeaker[];
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event) => {
  const { id, paragraphs, known } = event.data;
  try {
    const started = performance.now();
    const analysis = analyzeQuotes(paragraphs, { knownSpeakers: known });
    scope.postMessage({ id, analysis, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
