/**
 * Runs work once the browser has painted the current frame and is idle, so that start-up work
 * (the first proofreading pass, the first quote analysis, loading the interface) never delays
 * the moment the article appears. Where there are no animation frames (tests, workers), it runs
 * on the next task.
 */
type IdleScheduler = (run: () => void, options: { timeout: number }) => number;

export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  let idle: number | null = null;
  const requestIdle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  if (typeof requestAnimationFrame === 'function') {
    frame = requestAnimationFrame(() => {
      frame = null;
      if (requestIdle) idle = requestIdle(run, { timeout: 500 });
      else timer = setTimeout(run, 0);
    });
  } else {
    timer = setTimeout(run, 0);
  }
  return () => {
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (idle !== null) (globalThis as { cancelIdleCallback?: (handle: number) => void }).cancelIdleCallback?.(idle);
    if (timer !== null) clearTimeout(timer);
  };
}
