import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisClient, type AnalysisReply, type AnalysisRequest } from '../../../src/app/analysis-client.ts';

/** A stand-in for the analysis worker: records requests; the test answers or fails them. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: AnalysisRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: AnalysisRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: AnalysisReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<AnalysisReply>);
  }
  fail(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('the analysis client', () => {
  it('sends quote and check requests to one worker and resolves each with its own answer', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createAnalysisClient();
    const quotes = client.analyzeQuotes(['Title', '“Yes,” she said.'], [], []);
    const checks = client.runChecks(['Title', 'The the end.'], { disabledRules: [] });
    const [worker] = FakeWorker.made;
    expect(FakeWorker.made).toHaveLength(1);
    expect(worker!.sent.map((r) => r.kind)).toEqual(['quotes', 'checks']);
    const checksResult = { local: [], consistency: [], dictionary: ['Anna'], dialect: 'british' as const };
    worker!.reply({ id: worker!.sent[1]!.id, result: checksResult });
    worker!.reply({ id: worker!.sent[0]!.id, result: { quotes: [], speakers: [] } as never });
    await expect(checks).resolves.toEqual(checksResult);
    await expect(quotes).resolves.toEqual({ quotes: [], speakers: [] });
  });

  it('a worker that fails is dropped: its requests fail and the next request starts a new one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createAnalysisClient();
    const first = client.runChecks(['Title'], {});
    FakeWorker.made[0]!.fail('script error');
    await expect(first).rejects.toThrow('script error');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const second = client.runChecks(['Title'], {});
    expect(FakeWorker.made).toHaveLength(2);
    const worker = FakeWorker.made[1]!;
    worker.reply({ id: worker.sent[0]!.id, result: { local: [], consistency: [], dictionary: [], dialect: 'american' } });
    await expect(second).resolves.toMatchObject({ dialect: 'american' });
  });

  it('a worker that does not answer in time is stopped: its requests fail and the next one starts a new worker', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('Worker', FakeWorker);
      const client = createAnalysisClient({ timeoutMs: 1000 });
      const stuck = client.analyzeQuotes(['Title', '“Yes,” she said.'], [], []);
      const alsoStuck = client.runChecks(['Title'], {});
      const outcome = Promise.allSettled([stuck, alsoStuck]);
      vi.advanceTimersByTime(999);
      expect(FakeWorker.made[0]!.terminated).toBe(false);
      vi.advanceTimersByTime(1);
      const [a, b] = await outcome;
      expect(a).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('took longer than 1 s') } });
      expect(b.status).toBe('rejected');
      expect(FakeWorker.made[0]!.terminated).toBe(true);
      const next = client.runChecks(['Title'], {});
      const worker = FakeWorker.made[1]!;
      worker.reply({ id: worker.sent[0]!.id, result: { local: [], consistency: [], dictionary: [], dialect: 'american' } });
      await expect(next).resolves.toMatchObject({ dialect: 'american' });
      // An answer in time leaves no timer behind to stop the worker later.
      vi.advanceTimersByTime(5000);
      expect(worker.terminated).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an error answer rejects that request only', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createAnalysisClient();
    const a = client.runChecks(['A'], {});
    const b = client.runChecks(['B'], {});
    const worker = FakeWorker.made[0]!;
    worker.reply({ id: worker.sent[0]!.id, error: 'bad input' });
    worker.reply({ id: worker.sent[1]!.id, result: { local: [], consistency: [], dictionary: [], dialect: 'american' } });
    await expect(a).rejects.toThrow('bad input');
    await expect(b).resolves.toMatchObject({ dialect: 'american' });
  });
});
