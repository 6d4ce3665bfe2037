import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from '@playwright/test';
import { GalleyPage } from '../helpers/galley-page.ts';

test('every format exports through the dialog; a project file restores the work in a fresh browser', async ({ page, browser }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.gap(1).fill('tens of');
  await galley.gap(2).fill('only');
  await page.getByRole('button', { name: /Accept all confident suggestions/ }).click();

  const files: Record<string, string> = {};
  for (const format of ['Plain text (.txt)', 'Markdown (.md)', 'Web page (.html)', 'Quotes as JSON (.json)', 'Quotes as CSV (.csv)', 'Web Annotations (.jsonld)', 'TEI XML (.xml)', 'Galley project (.json)']) {
    files[format] = await galley.exportAs(format);
  }
  expect(files['Plain text (.txt)']).toContain('filled with tens of thousands');
  expect(files['Markdown (.md)']).toMatch(/^# The Belarusian Soldiers/);
  expect(files['Web page (.html)']).toContain('data-speaker-name="Oleksiy Frantzkevych"');
  expect(files['Web page (.html)']).not.toMatch(/<script/i);
  expect((JSON.parse(files['Quotes as JSON (.json)']!) as { quotes: unknown[] }).quotes).toHaveLength(12);
  expect(files['Quotes as CSV (.csv)']!.trim().split('\n')).toHaveLength(13);
  const annotations = JSON.parse(files['Web Annotations (.jsonld)']!) as { type: string };
  expect(annotations.type).toBe('AnnotationCollection');
  const tei = new DOMParser().parseFromString(files['TEI XML (.xml)']!, 'application/xml');
  expect(tei.getElementsByTagName('said').length).toBe(12);
  expect(tei.getElementsByTagName('supplied').length).toBe(2);

  // Word: a zip file.
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Word (.docx)' }).check();
  await expect(dialog.getByLabel('Preview')).toContainText('Word document');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^(Download|Export anyway)$/ }).click();
  const docx = await readFile((await (await download).path())!);
  expect(docx.subarray(0, 2).toString()).toBe('PK');

  // A fresh browser profile opens the project with its fills and speakers.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const second = new GalleyPage(other);
  await second.open();
  await other.getByRole('button', { name: 'Library' }).click();
  await other.getByLabel('Choose a file to open').setInputFiles({ name: 'work.galley.json', mimeType: 'application/json', buffer: Buffer.from(files['Galley project (.json)']!) });
  await expect(second.gap(1)).toHaveValue('tens of');
  await expect(second.gap(2)).toHaveValue('only');
  const panel = other.getByRole('region', { name: 'Quotes & speakers' });
  await expect(panel.locator('.speaker-name')).toHaveText(['Belarusian fighter', 'Oleksiy Frantzkevych']);
  await expect(panel.getByRole('status')).toHaveText(await page.getByRole('region', { name: 'Quotes & speakers' }).getByRole('status').innerText());
  expect(await second.exportAs('Plain text (.txt)')).toBe(files['Plain text (.txt)']);
  await fresh.close();
});

test('hostile or broken project files are refused with a clear message and change nothing', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await page.getByRole('button', { name: 'Library' }).click();
  const input = page.getByLabel('Choose a file to open');
  await input.setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"galley-project","version":1,"article":{"title":"<img src=x onerror=alert(1)>","__proto__":{"x":1}}}') });
  await expect(page.getByRole('status').filter({ hasText: 'evil.json' })).toBeVisible();
  await input.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(16 * 1024 * 1024 + 1024, 0x61) });
  await expect(page.getByText('“huge.txt” is too large')).toBeVisible();
  await expect(page.getByRole('listitem')).toHaveCount(1);
});

test('a speaker name with markup stays text', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a script ran');
  });
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.editor.focus();
  await page.keyboard.press('Alt+q');
  await page.keyboard.press('Alt+s');
  await page.keyboard.type('<img src=x onerror=alert(1)>');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Quotes & speakers' });
  await expect(panel.locator('.speaker-name').last()).toHaveText('<img src=x onerror=alert(1)>');
  expect(await page.locator('img').count()).toBe(0);
  const html = await galley.exportAs('Web page (.html)');
  expect(html).not.toContain('<img');
});

test('closing the export dialog, however it is closed, gives the focus back to the Export button', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();

  // Enter on the dialog's main button writes the file and closes it.
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Export anyway' }).focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();
});

test('with many empty gaps the export dialog names the first few and counts the rest, and its buttons stay in view', async ({ page }) => {
  const galley = new GalleyPage(page);
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Item ${i + 1}: the council approved __ new homes.`);
  await galley.openText('many-gaps.txt', ['Eighty Gaps', ...paragraphs].join('\n\n'));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const warnings = dialog.getByRole('alert');
  await expect(warnings.getByRole('listitem').filter({ hasText: /^Gap \d+ of 80 is empty/ })).toHaveCount(5);
  await expect(warnings).toContainText('and 75 more empty gaps');
  await expect(dialog.getByRole('button', { name: 'Export anyway' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Go to gap' })).toBeInViewport();
});
