import { describe, expect, it } from 'vitest';
import { EngineClient, type EngineStatusEvent, type WorkerLike } from '../../../src/proofread/engine-client.ts';
import { createEngineHost, type EngineRequest, type EngineResponse, type HostedEngine } from '../../../src/proofread/engine-protocol.ts';
import type { Problem } from '../../../src/proofread/types.ts';

/** A worker stand-in that runs the real host with a stand-in engine, asynchronously like a worker. */
class FakeWorker implements WorkerLike {
  sent: EngineRequest[] = [];
  terminated = false;
  private messageListeners: ((event: MessageEvent<EngineResponse>) => void)[] = [];
  private errorListeners: ((event: Event) => void)[] = [];
  private readonly handle: (request: EngineRequest) => Promise<void>;

  constructor(load: () => Promise<HostedEngine>) {
    this.handle = createEngineHost(load, (message) => {
      setTimeout(() => this.messageListeners.forEach((l) => l({ data: structuredClone(message) } as MessageEvent<EngineResponse>)), 0);
    });
  }
  postMessage(message: EngineRequest): void {
    this.sent.push(structuredClone(message));
    setTimeout(() => void this.handle(structuredClone(message)), 0);
  }
  addEventListener(type: 'message' | 'error', listener: ((event: MessageEvent<EngineResponse>) => void) | ((event: Event) => void)): void {
    if (type === 'message') this.messageListeners.push(listener as (event: MessageEvent<EngineResponse>) => void);
    else this.errorListeners.push(listener as (event: Event) => void);
  }
  fail(message: string) {
    this.errorListeners.forEach((l) => l(Object.assign(new Event('error'), { message })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const problem = (paragraph: number, text: string): Problem => ({ paragraph, start: 0, end: text.length, rule: 'Fake', category: 'spelling', message: text, suggestions: [] });

/** A stand-in engine that flags every paragraph containing "teh". */
const fakeEngine: HostedEngine = {
  async lintItems(items) {
    return items.filter((i) => i.text.includes('teh')).map((i) => problem(i.index, i.text));
  },
};

describe('EngineClient', () => {
  it('starts the worker on first use, not before', async () => {
    let created = 0;
    const client = new EngineClient(() => {
      created++;
      return new FakeWorker(async () => fakeEngine);
    });
    expect(created).toBe(0);
    expect(client.status).toBe('idle');
    await client.lint(['teh', 'ok']);
    await client.lint(['ok']);
    expect(created).toBe(1);
  });

  it('answers each request with its own problems, in any order', async () => {
    const worker = new FakeWorker(async () => fakeEngine);
    const client = new EngineClient(() => worker);
    const [a, b] = await Promise.all([client.lint(['teh', 'ok']), client.lintParagraphs([{ index: 7, text: 'teh too' }])]);
    expect(a.map((p) => p.paragraph)).toEqual([0]);
    expect(b.map((p) => p.paragraph)).toEqual([7]);
    expect(worker.sent.map((r) => r.id)).toEqual([1, 2]);
    expect(worker.sent[0]).toEqual({ id: 1, type: 'lint', paragraphs: [{ index: 0, text: 'teh' }, { index: 1, text: 'ok' }], options: {} });
  });

  it('reports loading, then ready with the cold start', async () => {
    const client = new EngineClient(() => new FakeWorker(async () => fakeEngine));
    const events: EngineStatusEvent[] = [];
    client.on('status', (e) => events.push(e));
    await client.load();
    expect(events.map((e) => e.status)).toEqual(['loading', 'ready']);
    expect(typeof events[1]!.ms).toBe('number');
    expect(client.coldStartMs).toBe(events[1]!.ms);
  });

  it('reports an error when the engine does not load, and retries on the next request', async () => {
    let attempts = 0;
    const client = new EngineClient(
      () =>
        new FakeWorker(async () => {
          attempts++;
          if (attempts === 1) throw new Error('no wasm');
          return fakeEngine;
        }),
    );
    const events: string[] = [];
    client.on('status', (e) => events.push(e.status));
    await expect(client.lint(['teh'])).rejects.toThrow('no wasm');
    expect(client.status).toBe('error');
    expect(client.errorMessage).toBe('no wasm');
    expect((await client.lint(['teh'])).length).toBe(1);
    expect(events).toEqual(['loading', 'error', 'loading', 'ready']);
  });

  it('fails pending requests when the worker itself fails, and starts a new one next time', async () => {
    const workers: FakeWorker[] = [];
    const client = new EngineClient(() => {
      const w = new FakeWorker(() => new Promise<HostedEngine>(() => undefined)); // never loads
      workers.push(w);
      return w;
    });
    const pending = client.lint(['teh']);
    workers[0]!.fail('script error');
    await expect(pending).rejects.toThrow('script error');
    expect(client.status).toBe('error');
    expect(workers[0]!.terminated).toBe(true);
    void client.lint(['x']).catch(() => undefined);
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('sends options as plain arrays', async () => {
    const worker = new FakeWorker(async () => fakeEngine);
    const client = new EngineClient(() => worker);
    await client.lint(['ok'], { disabledRules: Object.freeze(['OxfordComma']), dictionary: ['Kyiv'], disabledCategories: ['style'] });
    expect(worker.sent[0]).toMatchObject({ options: { disabledRules: ['OxfordComma'], dictionary: ['Kyiv'], disabledCategories: ['style'] } });
  });

  it('tells the worker which English the article is written in', async () => {
    const worker = new FakeWorker(async () => fakeEngine);
    const client = new EngineClient(() => worker);
    await client.lint(['The colour of the harbour.'], { dialect: 'british' });
    expect(worker.sent[0]).toMatchObject({ options: { dialect: 'british' } });
  });

  it('rejects pending requests on dispose', async () => {
    const client = new EngineClient(() => new FakeWorker(() => new Promise<HostedEngine>(() => undefined)));
    const pending = client.lint(['teh']);
    client.dispose();
    await expect(pending).rejects.toThrow('stopped');
    expect(client.status).toBe('idle');
  });
});

describe('engine host (the worker side)', () => {
  it('loads once, says ready once, and answers lint and load requests', async () => {
    const posted: EngineResponse[] = [];
    let loads = 0;
    const handle = createEngineHost(async () => {
      loads++;
      return fakeEngine;
    }, (m) => posted.push(m));
    await handle({ id: 1, type: 'lint', paragraphs: [{ index: 2, text: 'teh' }], options: {} });
    await handle({ id: 2, type: 'load' });
    expect(loads).toBe(1);
    expect(posted.map((m) => m.type)).toEqual(['ready', 'result', 'result']);
    expect(posted[1]).toEqual({ id: 1, type: 'result', problems: [problem(2, 'teh')] });
    expect(posted[2]).toEqual({ id: 2, type: 'result', problems: [] });
  });

  it('answers a failing lint with an error message', async () => {
    const posted: EngineResponse[] = [];
    const handle = createEngineHost(async () => ({ lintItems: async () => Promise.reject(new Error('panic')) }), (m) => posted.push(m));
    await handle({ id: 5, type: 'lint', paragraphs: [], options: {} });
    expect(posted.at(-1)).toEqual({ id: 5, type: 'error', message: 'panic' });
  });
});
