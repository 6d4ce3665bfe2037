import type { Page } from '@playwright/test';

/**
 * Holds back every request matching `pattern` until the returned function is called, so a test
 * can make a background result (a worker's answer, the spelling engine) land at a moment it
 * chooses.
 */
export async function holdRequests(page: Page, pattern: string): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
