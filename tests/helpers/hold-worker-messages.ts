import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __workerMessages?: { holding: boolean; held: number; lastAt: number; data(): unknown[]; release(): void };
  }
}

/**
 * Lets a test hold back what the page's workers answer (quote detection, checks) and deliver it
 * at a moment it chooses, in the same task as something else it does in the page: every message
 * a worker posts while `holding` is kept, and `release()` hands them to the page's own listeners
 * synchronously. Call before the page loads.
 */
export async function holdWorkerMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const RealWorker = window.Worker;
    const held: { worker: Worker; data: unknown }[] = [];
    const released = new WeakSet<Event>();
    const control = {
      holding: false,
      lastAt: 0,
      get held() {
        return held.length;
      },
      data: () => held.map((message) => message.data),
      release() {
        control.holding = false;
        for (const { worker, data } of held.splice(0)) {
          const event = new MessageEvent('message', { data });
          released.add(event);
          worker.dispatchEvent(event);
        }
      },
    };
    window.__workerMessages = control;
    window.Worker = class extends RealWorker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        // Added before the page's own listeners, so it runs first and can keep the message from them.
        this.addEventListener('message', (event) => {
          control.lastAt = performance.now();
          if (!control.holding || released.has(event)) return;
          event.stopImmediatePropagation();
          held.push({ worker: this, data: event.data });
        });
      }
    };
  });
}

/**
 * Starts holding the workers' messages, once no worker has said anything for `quietMs` (so an
 * answer to work the page started earlier is not the one held).
 */
export async function startHolding(page: Page, quietMs = 1500): Promise<void> {
  await page.waitForFunction((quiet) => performance.now() - window.__workerMessages!.lastAt >= quiet, quietMs, { timeout: 30_000, polling: 100 });
  await page.evaluate(() => (window.__workerMessages!.holding = true));
}

/** Waits until a held message holds `text` (anywhere in its data) and returns how many are held. */
export async function heldIncluding(page: Page, text: string, timeoutMs = 20_000): Promise<number> {
  await page.waitForFunction((wanted) => JSON.stringify(window.__workerMessages!.data()).includes(wanted), text, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => window.__workerMessages!.held);
}
