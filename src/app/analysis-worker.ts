/**
 * The analysis worker: quote detection and the engine-free proofreading checks, off the main
 * thread, so the page keeps neither their code nor their working data. Messages are plain JSON:
 * `{ id, kind: 'quotes', paragraphs, known, decided }` or `{ id, kind: 'checks', paragraphs, options }` in,
 * `{ id, result, ms }` or `{ id, error }` out (see analysis-client.ts).
 */
import { runArticleChecks } from '../proofread/article-checks.ts';
import { analyzeQuotes } from '../quotes/analyze.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis-client.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null; postMessage(message: AnalysisReply): void };

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const started = performance.now();
    const result = request.kind === 'quotes' ? analyzeQuotes(request.paragraphs, { knownSpeakers: request.known, decided: request.decided }) : runArticleChecks(request.paragraphs, request.options);
    scope.postMessage({ id: request.id, result, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
