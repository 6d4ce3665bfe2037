/**
 * Background work on the document (proofreading, quote detection): it first runs once the
 * article has been painted, then again a moment after the document stops changing. One run at a
 * time; a change during a run makes it run again afterwards. Nothing of it is on the keystroke
 * path: a keystroke only moves the due time of a timer (no timer call per key).
 */
import { QuietTimer } from '../timing/quiet-timer.ts';
import { afterPaint } from './after-paint.ts';

export class BackgroundTask {
  private readonly timer: QuietTimer;
  private cancelStart: (() => void) | null;
  private running = false;
  private dirty = true;
  private stopped = false;

  /**
   * @param work one run; it may look at `destroyed` after each await.
   * @param delay how long the document must be still before the next run (ms).
   */
  constructor(
    private readonly work: () => Promise<void>,
    private readonly delay: number,
  ) {
    this.timer = new QuietTimer(() => void this.run());
    this.cancelStart = afterPaint(() => {
      this.cancelStart = null;
      void this.run();
    });
  }

  /** True once the view is gone: results must not be applied. */
  get destroyed(): boolean {
    return this.stopped;
  }

  /** Something changed: run again after `delay` ms (default: the task's delay). */
  request(delay = this.delay): void {
    this.dirty = true;
    if (this.cancelStart) return; // the first run is still to come and will see the change
    this.timer.runIn(delay);
  }

  private async run(): Promise<void> {
    if (this.running || !this.dirty || this.stopped) return;
    this.running = true;
    this.dirty = false;
    try {
      await this.work();
    } finally {
      this.running = false;
      if (this.dirty && !this.stopped) this.request();
    }
  }

  destroy(): void {
    this.stopped = true;
    this.cancelStart?.();
    this.timer.cancel();
  }
}
