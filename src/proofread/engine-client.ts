/**
 * The main-thread side of the proofreading worker: a `ProofEngine` that starts the worker on
 * first use, numbers its requests, resolves one promise per request, and reports the engine's
 * status ('loading' while Harper loads, 'ready' with the cold-start time, 'error').
 *
 * The worker constructor is injectable so tests can use a stand-in.
 */
import type { Problem, ProofOptions } from './types.ts';
import type { ParagraphItem, ProofEngine } from './engine.ts';
import type { EngineRequest, EngineResponse } from './engine-protocol.ts';
import { internStrings } from '../text/intern.ts';

/** The parts of a `Worker` the client uses. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent | Event) => void): void;
  terminate(): void;
}

/** Creates the worker. */
export type WorkerFactory = () => WorkerLike;

/** The engine's state as the UI shows it. */
export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A status change: `ms` is the cold start when ready, `message` the reason of an error. */
export interface EngineStatusEvent {
  status: EngineStatus;
  ms?: number;
  message?: string;
}

/** The app's worker: engine-worker.ts as a module worker. */
export function createEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

interface Pending {
  resolve: (problems: Problem[]) => void;
  reject: (error: Error) => void;
}

/** A `ProofEngine` backed by the proofreading worker. */
export class EngineClient implements ProofEngine {
  /** The current status ('idle' until the first request). */
  status: EngineStatus = 'idle';
  /** The cold start reported by the worker, once ready. */
  coldStartMs: number | null = null;
  /** The last error message, when status is 'error'. */
  errorMessage: string | null = null;

  private readonly createWorker: WorkerFactory;
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: EngineStatusEvent) => void>();

  constructor(createWorker: WorkerFactory = createEngineWorker) {
    this.createWorker = createWorker;
  }

  /** Listens to status changes; returns the function that stops listening. */
  on(event: 'status', listener: (event: EngineStatusEvent) => void): () => void {
    if (event !== 'status') throw new Error(`unknown event ${String(event)}`);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts loading the engine now (e.g. when the editor is idle); resolves once it is ready. */
  async load(): Promise<void> {
    await this.send({ id: this.nextId++, type: 'load' });
  }

  lint(paragraphs: readonly string[], options: Partial<ProofOptions> = {}): Promise<Problem[]> {
    return this.lintParagraphs(
      paragraphs.map((text, index) => ({ index, text })),
      options,
    );
  }

  /** Problems in some paragraphs (problem.paragraph = item.index). */
  lintParagraphs(paragraphs: readonly ParagraphItem[], options: Partial<ProofOptions> = {}): Promise<Problem[]> {
    return this.send({
      id: this.nextId++,
      type: 'lint',
      paragraphs: paragraphs.map((p) => ({ index: p.index, text: p.text })),
      options: plainOptions(options),
    });
  }

  /** Stops the worker; pending requests fail. */
  dispose(): void {
    this.failAll(new Error('proofreading engine stopped'));
    this.worker?.terminate();
    this.worker = null;
    this.setStatus({ status: 'idle' });
  }

  private send(request: EngineRequest): Promise<Problem[]> {
    const worker = this.start();
    return new Promise<Problem[]>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      try {
        worker.postMessage(request);
      } catch (error) {
        this.pending.delete(request.id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private start(): WorkerLike {
    if (this.worker) {
      if (this.status === 'error') this.setStatus({ status: 'loading' }); // the worker retries the load
      return this.worker;
    }
    this.setStatus({ status: 'loading' });
    const worker = this.createWorker();
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => this.receive(event.data));
    worker.addEventListener('error', (event: ErrorEvent | Event) => {
      const message = 'message' in event && event.message ? event.message : 'the proofreading worker failed';
      // A worker that failed to start is dropped; the next request starts a new one.
      if (this.worker === worker) {
        worker.terminate();
        this.worker = null;
      }
      this.errorMessage = message;
      this.setStatus({ status: 'error', message });
      this.failAll(new Error(message));
    });
    return worker;
  }

  private receive(message: EngineResponse): void {
    if (message.type === 'ready') {
      this.coldStartMs = message.ms;
      this.errorMessage = null;
      this.setStatus({ status: 'ready', ms: message.ms });
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'result') {
      // A long article's answer repeats rule names and messages hundreds of times.
      pending.resolve(internStrings(message.problems));
    } else {
      if (this.status !== 'ready') {
        this.errorMessage = message.message;
        this.setStatus({ status: 'error', message: message.message });
      }
      pending.reject(new Error(message.message));
    }
  }

  private failAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }

  private setStatus(event: EngineStatusEvent): void {
    this.status = event.status;
    for (const listener of [...this.listeners]) listener(event);
  }
}

/** The options as plain arrays (a frozen or proxied array from a store may not clone). */
function plainOptions(options: Partial<ProofOptions>): Partial<ProofOptions> {
  const out: Partial<ProofOptions> = {};
  if (options.disabledRules) out.disabledRules = [...options.disabledRules];
  if (options.disabledCategories) out.disabledCategories = [...options.disabledCategories];
  if (options.dictionary) out.dictionary = [...options.dictionary];
  if (options.enabledRules) out.enabledRules = [...options.enabledRules];
  if (options.dialect) out.dialect = options.dialect;
  return out;
}
