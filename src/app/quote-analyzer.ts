/**
 * The app's quote analyzer: detection in a Web Worker (created on first use), so the main thread
 * only sends block texts and applies the result. Falls back to running in the page where workers
 * are unavailable.
 */
import type { QuoteAnalyzer } from '../editor/quote-plugin.ts';
import type { QuoteAnalysis } from '../quotes/types.ts';

interface Reply {
  id: number;
  analysis?: QuoteAnalysis;
  ms?: number;
  error?: string;
}

/** Timings of the latest analyses, for the benchmark. */
export const quoteTimings: { firstMs?: number; lastMs?: number } = {};

export function createQuoteAnalyzer(): QuoteAnalyzer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (a: QuoteAnalysis) => void; reject: (e: Error) => void; started: number }>();

  const start = (): Worker | null => {
    if (worker || typeof Worker !== 'function') return worker;
    worker = new Worker(new URL('../quotes/analysis-worker.ts', import.meta.url), { type: 'module', name: 'quotes' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      const ms = performance.now() - request.started;
      quoteTimings.firstMs ??= ms;
      quoteTimings.lastMs = ms;
      if (event.data.analysis) request.resolve(event.data.analysis);
      else request.reject(new Error(event.data.error ?? 'quote analysis failed'));
    };
    worker.onerror = (event) => {
      for (const request of pending.values()) request.reject(new Error(event.message || 'quote analysis worker failed'));
      pending.clear();
    };
    return worker;
  };

  return async (paragraphs, known) => {
    const target = start();
    if (!target) {
      const { analyzeQuotes } = await import('../quotes/analyze.ts');
      return analyzeQuotes(paragraphs, { knownSpeakers: known });
    }
    const id = nextId++;
    return new Promise<QuoteAnalysis>((resolve, reject) => {
      pending.set(id, { resolve, reject, started: performance.now() });
      target.postMessage({ id, paragraphs, known });
    });
  };
}
