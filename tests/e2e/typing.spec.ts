import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { GalleyPage } from '../helpers/galley-page.ts';
import { holdRequests } from '../helpers/hold-requests.ts';
import { heldIncluding, holdWorkerMessages, startHolding } from '../helpers/hold-worker-messages.ts';

// What follows a pause in typing: each is scheduled on every keystroke and must run once the
// typing stops, without a reload or leaving the page to push it.

test('a moment after typing stops, the text is saved, checked and its quotes found', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  const quotes = page.getByRole('region', { name: 'Quotes & speakers' });
  await expect(quotes.getByRole('status')).toHaveText(/^12 quotes/);

  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('“We are here to stay,” said one volunteer. Countless');
  await galley.selectWord('neither of the volunteers are', 'neither');
  await page.keyboard.type('neither neither');

  // Quote detection ran again on the new text.
  await expect(quotes.getByRole('status')).toHaveText(/^13 quotes/, { timeout: 15000 });
  // The checks ran again: the doubled word is underlined.
  await expect(page.locator('.ProseMirror .lint', { hasText: /neither/ }).first()).toBeVisible({ timeout: 15000 });
  // And it was saved, with no reload or page hide to force it.
  const saved = () =>
    page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith('galley:doc:'))
        .map(([, value]) => value)
        .join(''),
    );
  await expect.poll(saved, { timeout: 15000 }).toContain('We are here to stay');
  expect(await saved()).toContain('neither neither');
  await expect(page.getByText('All changes saved')).toBeVisible();
});

test('while changes are shown, the list follows the typing', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await page.getByRole('button', { name: 'Show changes' }).click();
  const panel = page.getByRole('region', { name: /^Changes/ });
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Many');
  await expect(panel.getByRole('button', { name: 'Revert: “Countless” → “Many”' })).toBeVisible();
  await galley.selectWord('neither of the volunteers are', 'neither');
  await page.keyboard.type('none');
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(page.locator('del.change-deleted')).toHaveCount(2);
});

test('typing in a gap while quote detection lands stays in the gap', async ({ page }) => {
  // Hold the analysis worker back, so detection lands (and adds its speakers) mid-fill.
  const release = await holdRequests(page, '**/analysis-worker-*.js');
  const galley = new GalleyPage(page);
  await page.goto('/');
  await expect(galley.gaps).toHaveCount(2);
  const status = page.getByRole('region', { name: 'Quotes & speakers' }).getByRole('status');
  await galley.gap(1).click();
  await page.keyboard.type('tens');
  release();
  await expect(status).toHaveText(/quotes ·/, { timeout: 20000 });
  await page.keyboard.type(' of');
  await expect(galley.gap(1)).toHaveValue('tens of');
  await expect(galley.gap(1)).toBeFocused();
  await expect(galley.editor).not.toContainText('tens of');
});

test('typing at once after Enter puts the letters in order in the new paragraph, every time', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  const editor = page.getByRole('textbox', { name: 'Article text' });
  const end = 'exchanging stories and discussing future trips to the front.';
  const paragraphs = editor.locator(':scope > p');
  const count = await paragraphs.count();
  // Enter and the word typed without a pause, then undone, again and again: the paragraph the
  // caret is in is replaced while keys are still arriving.
  for (let round = 0; round < 8; round++) {
    // Typing the selected word again leaves the caret at the paragraph's end.
    await galley.selectWord(end, 'front.');
    await page.keyboard.type('front.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Alpha');
    await expect(galley.paragraph(end).locator('xpath=following-sibling::p[1]')).toHaveText('Alpha');
    // Undone until the new paragraph is gone (on a slow machine the keys may be more than one
    // undo step: steps are grouped by time, as in any ProseMirror editor).
    // Each undo is waited for before the next is decided, so none goes further back than the round.
    const shown = async () => `${await paragraphs.count()}|${(await editor.textContent()) ?? ''}`;
    for (let step = 0; step < 6; step++) {
      // Done when the new paragraph is gone and the retyped word is whole again (a slow machine
      // may have split even the retyping of "front." into two undo steps).
      if ((await paragraphs.count()) === count && !((await editor.textContent()) ?? '').includes('lph') && (await galley.paragraph(end).count()) === 1) break;
      const before = await shown();
      await page.keyboard.press('Control+z');
      await expect.poll(shown).not.toBe(before);
    }
    await expect(editor).not.toContainText('lph');
    expect(await paragraphs.count()).toBe(count);
    await expect(galley.paragraph(end)).toHaveCount(1);
  }
});

test('a caret moved just as quote detection lands stays where it was moved', async ({ page }) => {
  await holdWorkerMessages(page);
  const galley = new GalleyPage(page);
  await galley.open();
  const status = page.getByRole('region', { name: 'Quotes & speakers' }).getByRole('status');
  await expect(status).toHaveText(/^12 quotes/);
  await startHolding(page);
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('“We stay,” said Bob. Many the the');
  // Quote detection has found the new quote; its answer is held.
  await heldIncluding(page, 'We stay');
  // The caret moves back three letters (as an arrow key moves it, before the editor has read the
  // move), and in the same task the answer lands and redraws the paragraph with the new quote.
  await page.evaluate(() => {
    const selection = window.getSelection()!;
    for (let i = 0; i < 3; i++) selection.modify('move', 'backward', 'character');
    window.__workerMessages!.release();
  });
  await expect(status).toHaveText(/^13 quotes/);
  await page.keyboard.type('X');
  await expect(galley.paragraph('foreigners from several')).toContainText('Many the Xthe foreigners');
});

test('Ctrl+End and Ctrl+Home go to the very end and start of a long article, also through paragraphs not yet laid out', async ({ page }) => {
  const galley = new GalleyPage(page);
  const sample = await readFile(new URL('../../fixtures/article.txt', import.meta.url), 'utf8');
  const body = sample.slice(sample.indexOf('\n\n') + 2).trim();
  await galley.openText('long.txt', `Long Read\n\n${Array.from({ length: 6 }, () => body).join('\n\n')}\n`);
  await galley.editor.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('QQQ');
  await expect(galley.editor.locator(':scope > p').last()).toHaveText(/QQQ$/);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('ZZZ');
  await expect(galley.editor.getByRole('heading', { level: 1 })).toHaveText('ZZZLong Read');
  // Shift extends the selection to the end.
  await page.keyboard.press('Shift+Control+End');
  expect((await page.evaluate(() => window.getSelection()!.toString())).endsWith('QQQ')).toBe(true);
});
