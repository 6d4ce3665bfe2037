import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { QuietTimer, realClock, type Clock } from '../../../src/timing/quiet-timer.ts';
import { ManualClock } from '../../helpers/memory-storage.ts';

/** A ManualClock that counts the timer calls made on it. */
function countingClock(): { clock: ManualClock & Clock; calls: () => number } {
  const clock = new ManualClock();
  let calls = 0;
  const { setTimeout, clearTimeout } = clock;
  clock.setTimeout = (fn, ms) => {
    calls++;
    return setTimeout(fn, ms);
  };
  clock.clearTimeout = (id) => {
    calls++;
    clearTimeout(id);
  };
  return { clock, calls: () => calls };
}

describe('QuietTimer', () => {
  it('runs once, the asked time after the last ask', () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const timer = new QuietTimer(() => runs.push(clock.now()), clock);
    for (let t = 0; t < 10; t++) {
      timer.runIn(400);
      clock.advance(100);
    }
    expect(runs).toEqual([]);
    clock.advance(299);
    expect(runs).toEqual([]);
    clock.advance(1);
    expect(runs).toEqual([1300]);
    clock.advance(5000);
    expect(runs).toEqual([1300]);
    expect(timer.pending).toBe(false);
  });

  it('a burst of asks costs one timer, however long it is', () => {
    const { clock, calls } = countingClock();
    const timer = new QuietTimer(() => {}, clock);
    for (let i = 0; i < 1000; i++) {
      timer.runIn(400);
      clock.advance(20);
    }
    // One armed at the start, then one re-arm each time it fires early (about every 400 ms of
    // typing): some 50 timer calls for 1,000 asks, where clearing and setting would make 2,000.
    expect(calls()).toBeLessThan((1000 * 20) / 300);
  });

  it('an earlier time replaces a later one', () => {
    const clock = new ManualClock();
    let runs = 0;
    const timer = new QuietTimer(() => runs++, clock);
    timer.runIn(1000);
    timer.runIn(0);
    clock.advance(0);
    expect(runs).toBe(1);
    clock.advance(2000);
    expect(runs).toBe(1);
  });

  it('cancel forgets the run; a later ask schedules again', () => {
    const clock = new ManualClock();
    let runs = 0;
    const timer = new QuietTimer(() => runs++, clock);
    timer.runIn(100);
    timer.cancel();
    clock.advance(500);
    expect(runs).toBe(0);
    timer.runIn(100);
    clock.advance(100);
    expect(runs).toBe(1);
  });

  it('the task can ask again from inside its run', () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const timer: QuietTimer = new QuietTimer(() => {
      runs.push(clock.now());
      if (runs.length < 3) timer.runIn(50);
    }, clock);
    timer.runIn(50);
    clock.advance(1000);
    expect(runs).toEqual([50, 100, 150]);
  });

  it('runs exactly when the last asked time has passed (any sequence of asks, waits and cancels)', () => {
    type Op = { kind: 'ask'; ms: number } | { kind: 'wait'; ms: number } | { kind: 'cancel' };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('ask' as const), ms: fc.integer({ min: 0, max: 500 }) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant('cancel' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops: Op[]) => {
        const clock = new ManualClock();
        const runs: number[] = [];
        const timer = new QuietTimer(() => runs.push(clock.now()), clock);
        // The model: one due time, replaced by each ask, cleared by cancel and by running.
        let due: number | null = null;
        const expected: number[] = [];
        const wait = (ms: number) => {
          const end = clock.now() + ms;
          if (due !== null && due <= end) {
            expected.push(due);
            due = null;
          }
          clock.advance(ms);
        };
        for (const o of ops) {
          if (o.kind === 'ask') {
            due = clock.now() + o.ms;
            timer.runIn(o.ms);
          } else if (o.kind === 'cancel') {
            due = null;
            timer.cancel();
          } else wait(o.ms);
          expect(timer.pending).toBe(due !== null);
        }
        wait(1000);
        expect(runs).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('the real clock does not go back when the computer clock is set back', () => {
    const before = realClock.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(Date.now() - 3_600_000);
    try {
      expect(realClock.now()).toBeGreaterThanOrEqual(before);
    } finally {
      spy.mockRestore();
    }
  });
});
