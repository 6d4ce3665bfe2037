import { test } from '@playwright/test';

test('screenshot', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { name: /Belarusian Soldiers/ }).waitFor();
  await page.screenshot({ path: 'test-results/desktop.png', fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/narrow.png', fullPage: false });
});
