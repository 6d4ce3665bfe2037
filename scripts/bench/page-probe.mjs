/**
 * The in-page instrumentation, installed with page.addInitScript before the page's own scripts.
 * It is serialized into the page, so it must not use anything from this module's scope.
 *
 * - `__BENCH_ARTICLE__` is set to the article text.
 * - `__benchReady` (called by the page right after its editor view is mounted) records
 *   performance.now() and the end of the next frame (see afterNextFrame).
 * - Long tasks (> 50 ms) are collected with a PerformanceObserver from the start.
 * - Keystrokes: a capture-phase keydown listener on window starts a sample; the sample ends at
 *   the end of the first frame produced after the keystroke's `input` event (i.e. after the editor
 *   handled it).
 *
 * "End of a frame": a requestAnimationFrame callback runs at the start of the frame's rendering
 * step, before style, layout and paint; a message posted from it is delivered after that step
 * has finished on the main thread. So afterNextFrame(cb) calls cb with performance.now() taken
 * after the frame's main-thread work (style, layout, paint, commit).
 */
export function installProbe(article) {
  window.__BENCH_ARTICLE__ = article;
  const afterNextFrame = (cb) =>
    requestAnimationFrame((rafAt) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => cb(performance.now(), rafAt);
      channel.port2.postMessage(0);
    });

  const probe = {
    readyAt: null,
    frameAt: null,
    longTasks: [],
    typing: false,
    keys: [],
    waiters: new Map(),
  };
  window.__benchProbe = probe;

  window.__benchReady = () => {
    if (probe.readyAt !== null) return;
    probe.readyAt = performance.now();
    afterNextFrame((at) => (probe.frameAt = at));
  };

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration, name: entry.name });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    probe.longTasks = null; // not supported
  }

  const finish = (sample) => {
    sample.done = true;
    const waiter = probe.waiters.get(sample.index);
    if (waiter) {
      probe.waiters.delete(sample.index);
      waiter(sample);
    }
  };
  const waitForInputThenFrame = (sample, frames) =>
    afterNextFrame((at) => {
      // The key's input was not handled before this frame (it can arrive in a later task): wait
      // for the frame after it. Keys that produce no input event give up after 10 frames.
      if (sample.inputAt === null && frames < 10) return waitForInputThenFrame(sample, frames + 1);
      sample.frameAt = at;
      finish(sample);
    });

  window.addEventListener(
    'keydown',
    (event) => {
      if (!probe.typing) return;
      const now = performance.now();
      // event.timeStamp is when the browser received the key (CDP dispatch time), on the same
      // clock as performance.now(); fall back to the handler time if it looks implausible.
      const stamp = event.timeStamp;
      const start = stamp > 0 && stamp <= now && now - stamp < 1000 ? stamp : now;
      const sample = { index: probe.keys.length, key: event.key, start, handlerAt: now, inputAt: null, frameAt: null, done: false };
      probe.keys.push(sample);
      waitForInputThenFrame(sample, 0);
    },
    true,
  );
  window.addEventListener(
    'input',
    () => {
      const sample = probe.keys[probe.keys.length - 1];
      if (probe.typing && sample && sample.inputAt === null) sample.inputAt = performance.now();
    },
    true,
  );

  probe.waitKey = (index, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const sample = probe.keys[index];
      if (sample?.done) return resolve(true);
      const timer = setTimeout(() => {
        probe.waiters.delete(index);
        reject(new Error(`keystroke ${index} was not seen within ${timeoutMs} ms (keys seen: ${probe.keys.length})`));
      }, timeoutMs);
      probe.waiters.set(index, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
}

/**
 * Opens `url` in a fresh browser context with the probe installed and waits for the first frame
 * after the page's editor is ready. Returns { context, page }; the caller closes the context.
 */
export async function openProbedPage(browser, url, { article, timeoutMs = 60_000 }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, article);
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page.waitForFunction(() => window.__benchProbe?.frameAt !== null, null, { timeout: timeoutMs, polling: 50 });
    return { context, page };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}
