import { expect, test, type Page } from '@playwright/test';
import { GalleyPage } from '../helpers/galley-page.ts';
import { holdRequests } from '../helpers/hold-requests.ts';

/** Puts `keys` into localStorage before the app's first load in this tab (not again on reload). */
async function seedStorage(page: Page, keys: Record<string, string>): Promise<void> {
  await page.addInitScript((seed) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, keys);
}

/** A saved workspace written by format 2, as that version wrote it. */
async function frozenFormat2(): Promise<Record<string, string>> {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(new URL('../../fixtures/saves/format-2.json', import.meta.url), 'utf8')) as Record<string, string>;
}

function failOnPageError(page: Page) {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

test('typing and closing the tab at once loses nothing', async ({ context }) => {
  const page = await context.newPage();
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Dozens of');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  const reopened = new GalleyPage(again);
  await reopened.open();
  await expect(reopened.paragraph('foreigners from')).toContainText('Dozens of foreigners from several');
});

test('corrupt saved data: the app starts, says so, offers the backup, and opens the sample', async ({ page }) => {
  const errors = failOnPageError(page);
  await seedStorage(page, { 'galley:workspace': '{"version":1,"articles":{"a":' });
  const galley = new GalleyPage(page);
  await galley.open();
  const alert = page.getByRole('alert').filter({ hasText: 'damaged' });
  await expect(alert).toBeVisible();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download backup' }).click();
  const { readFile } = await import('node:fs/promises');
  expect(JSON.parse(await readFile((await (await download).path())!, 'utf8'))).toEqual({ 'galley:workspace': '{"version":1,"articles":{"a":' });
  await expect(galley.gaps).toHaveCount(2);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('galley:backup:')));
  expect(backups.length).toBe(1);
  expect(errors).toEqual([]);
});

test('a library index cut short: the articles come back from their own keys, the user is told, the backup holds everything', async ({ context }) => {
  const page = await context.newPage();
  const galley = new GalleyPage(page);
  await galley.open();
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Article text', { exact: true }).fill('Second article\n\nHello “world,” he said. Important edits here.');
  await page.getByRole('button', { name: 'Create article' }).click();
  await galley.selectWord('Important edits', 'Important');
  await page.keyboard.type('MY-EDIT-42');
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 15000 });
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  await page.close({ runBeforeUnload: false });
  const index = stored['galley:workspace']!;
  const damaged = { ...stored, 'galley:workspace': index.slice(0, index.length - 5) };

  const again = await context.newPage();
  const errors = failOnPageError(again);
  await again.addInitScript((keys) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.clear();
    for (const [key, value] of Object.entries(keys)) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, damaged);
  await again.goto('/');
  const alert = again.getByRole('alert').filter({ hasText: 'damaged' });
  await expect(alert).toContainText('2 article(s) were recovered');
  const download = again.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download backup' }).click();
  const { readFile } = await import('node:fs/promises');
  expect(JSON.parse(await readFile((await (await download).path())!, 'utf8'))).toEqual(damaged);
  await again.getByRole('button', { name: 'Library' }).click();
  await expect(again.locator('.library-title')).toHaveText(['The Belarusian Soldiers Are Fighting For Ukraine', 'Second article'], { ignoreCase: false });
  await again.getByRole('button', { name: 'Open Second article' }).click();
  await expect(new GalleyPage(again).paragraph('Hello')).toContainText('MY-EDIT-42 edits here.');
  // The library is saved again in a readable index naming both, and a reload opens it quietly.
  await expect.poll(() => again.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('galley:workspace') ?? '{"articles":{}}').articles).length)).toBe(2);
  await again.reload();
  await expect(again.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(again.getByRole('alert').filter({ hasText: 'damaged' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('saved data from a newer version is kept and reported', async ({ page }) => {
  const errors = failOnPageError(page);
  await seedStorage(page, { 'galley:workspace': JSON.stringify({ version: 99, currentId: 'x', order: ['x'], articles: {} }) });
  await new GalleyPage(page).open();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version' })).toBeVisible();
  const backup = await page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('galley:backup:'))?.[1]);
  expect(backup).toContain('"version":99');
  expect(errors).toEqual([]);
});

test('saved data from a newer version is never written over, even after edits and a reload', async ({ page }) => {
  const errors = failOnPageError(page);
  const newer = {
    'galley:workspace': JSON.stringify({ version: 4, currentId: 'x', order: ['x'], articles: { x: { id: 'x', title: 'Newer work' } } }),
    'galley:doc:x': JSON.stringify({ doc: { type: 'doc', content: [] }, newerField: 1 }),
    'galley:original:x': 'Newer work\n\nText.',
  };
  await seedStorage(page, newer);
  const galley = new GalleyPage(page);
  await galley.open();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version' })).toContainText('left unchanged');
  await expect(page.getByText('Not saved: the work saved in this browser is from a newer version')).toBeVisible();
  await galley.gap(1).fill('tens of');
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version' })).toBeVisible();
  const saved = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => !key.startsWith('galley:backup:'))));
  expect(saved).toEqual(newer);
  expect(errors).toEqual([]);
});

test('storage full: a clear message, the work stays and exports, saving resumes when space is freed', async ({ page }) => {
  const errors = failOnPageError(page);
  const galley = new GalleyPage(page);
  await galley.open();
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    (window as unknown as { restoreStorage: () => void }).restoreStorage = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('galley:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await galley.gap(1).fill('tens of');
  await galley.gap(2).fill('only');
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible({ timeout: 15000 });
  expect(await galley.exportAs('Plain text (.txt)')).toContain('filled with tens of thousands');
  await page.evaluate(() => (window as unknown as { restoreStorage: () => void }).restoreStorage());
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Many');
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 15000 });
  await page.reload();
  await expect(galley.gap(1)).toHaveValue('tens of');
  await expect(galley.gap(2)).toHaveValue('only');
  await expect(galley.paragraph('foreigners from')).toContainText('Many foreigners');
  expect(errors).toEqual([]);
});

test('storage full: deleting an article, as advised, frees its space and the edits made meanwhile are saved', async ({ page }) => {
  const errors = failOnPageError(page);
  const galley = new GalleyPage(page);
  const paragraph = 'Long words fill a long article, paragraph after paragraph, until it is large.';
  await galley.openText('long.txt', `Long article\n\n${Array.from({ length: 2500 }, () => paragraph).join('\n\n')}`);
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 15000 });
  // Another app on the same origin fills the rest of the storage.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`other-app:${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: /^Open The Belarusian/ }).click();
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type(`IMPORTANT EDIT ${'and more '.repeat(40)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible({ timeout: 15000 });

  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Delete Long article' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: /^Open The Belarusian/ }).click();
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 15000 });
  // Only the sample's index, document and original text are left.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('galley:')).length)).toBe(3);
  await galley.selectWord('IMPORTANT EDIT', 'EDIT');
  await page.keyboard.type('CHANGE');
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 15000 });
  await page.reload();
  await expect(galley.paragraph('foreigners from')).toContainText('IMPORTANT CHANGE and more');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.locator('.library-title')).toHaveText(['The Belarusian Soldiers Are Fighting For Ukraine']);
  expect(errors).toEqual([]);
});

test('two tabs: the second is read-only until it takes over, and nothing is overwritten', async ({ context }) => {
  const first = await context.newPage();
  const a = new GalleyPage(first);
  await a.open();
  await a.gap(1).fill('tens of');

  const second = await context.newPage();
  const b = new GalleyPage(second);
  await b.open();
  await expect(second.getByRole('alert').filter({ hasText: 'open for editing in another tab' })).toBeVisible();
  await expect(b.editor).toHaveAttribute('contenteditable', 'false');
  await expect(b.gap(2)).toHaveJSProperty('readOnly', true);

  // The first tab keeps editing; its pending change is handed over when the second takes over.
  await a.gap(2).fill('only');
  await second.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(first.getByRole('alert').filter({ hasText: 'open for editing in another tab' })).toBeVisible();
  await expect(b.editor).toHaveAttribute('contenteditable', 'true', { timeout: 10000 });
  await expect(b.gap(2)).toHaveValue('only');
  await expect(a.editor).toHaveAttribute('contenteditable', 'false');
});

test('a read-only tab changes nothing from its panels and never claims a save', async ({ context }) => {
  const first = await context.newPage();
  await new GalleyPage(first).open();
  await expect(first.getByText('All changes saved')).toBeVisible({ timeout: 15000 });

  const second = await context.newPage();
  const errors = failOnPageError(second);
  const b = new GalleyPage(second);
  await b.open();
  await expect(second.getByRole('alert').filter({ hasText: 'open for editing in another tab' })).toBeVisible();
  await expect(second.getByText('Read-only: changes in this tab are not saved.')).toBeVisible();
  const quotes = second.getByRole('region', { name: 'Quotes & speakers' });
  await expect(quotes.getByRole('button', { name: /Accept all confident suggestions/ })).toBeDisabled();
  await second.getByText('Proofreading settings').click();
  await expect(second.getByRole('checkbox', { name: 'Ask for the Oxford comma (off in news style)' })).toBeDisabled();
  await expect(second.getByRole('checkbox', { name: 'Spelling' })).toBeDisabled();

  // A fix from a problem card is refused with the read-only notice.
  const lukashenko = () => second.evaluate(() => document.querySelector('.ProseMirror')!.textContent!.match(/Lukashenko/g)?.length ?? 0);
  const before = await lukashenko();
  expect(before).toBeGreaterThan(0);
  await b.editor.locator('.lint', { hasText: 'Lukashenko' }).first().click({ timeout: 30000 });
  await second.locator('.problem-card').getByRole('button', { name: 'Use Lukashenka everywhere' }).click();
  await expect(second.getByText('This tab is read-only: nothing here can be changed or saved.')).toBeVisible();
  expect(await lukashenko()).toBe(before);
  // Ignore is refused too, and no notice says it was done.
  await b.editor.locator('.lint', { hasText: 'Lukashenko' }).first().click();
  await second.locator('.problem-card').getByRole('button', { name: 'Ignore' }).click();
  await expect(second.getByText(/^Ignored “/)).toHaveCount(0);
  await expect(second.getByText('This tab is read-only: nothing here can be changed or saved.').first()).toBeVisible();
  await expect(quotes.getByRole('status')).toHaveText(/ 0 confirmed/);
  await expect(second.getByText('All changes saved')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('no script from content runs; the built page forbids inline scripts', async ({ page }) => {
  const errors = failOnPageError(page);
  const galley = new GalleyPage(page);
  await galley.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline\'; script');
  const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
  await galley.gap(1).fill(hostile);
  await galley.gap(2).fill('" onmouseover="window.pwned=1');
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('<svg onload="window.pwned=1">');
  const inline = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.appendChild(script);
    return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
  });
  expect(inline).toBe(false);
  await page.reload();
  await expect(galley.gap(1)).toHaveValue(hostile);
  await expect(page.getByRole('listitem').filter({ hasText: 'Gap 1' })).toContainText('<script>');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator('.ProseMirror img, .ProseMirror script, .ProseMirror svg').count()).toBe(0);
  const exported = await galley.exportAs('Plain text (.txt)');
  expect(exported).toContain(`filled with ${hostile} thousands`);
  expect(exported).toContain('<svg onload="window.pwned=1"> foreigners');
  expect(errors).toEqual([]);
});

test('hard text stays exact: emoji, right-to-left, combining marks, __ inside words, a huge paragraph, thousands of quotes', async ({ page }) => {
  const errors = failOnPageError(page);
  const galley = new GalleyPage(page);
  await galley.open();
  const quotes = Array.from({ length: 1500 }, (_, i) => `“Quote number ${i} is here,” said Person${i % 7}.`).join(' ');
  const article = [
    'Hard Text 😀 Test',
    'Emoji 👩🏽‍⚕️ and flags 🇺🇦 sit beside a gap __ here, and snake__case is no gap.',
    'Arabic: مرحبا بالعالم — Hebrew: שלום עולם — mixed ‏RTL‏ marks.',
    'Combining: e\u0301 vs é, Zalgo-ish a\u0300\u0301\u0302.',
    'Unbalanced “quote without an end, and a stray ” mark.',
    `${'Long paragraph words. '.repeat(3000)}end`,
    quotes,
  ].join('\n\n');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Article text', { exact: true }).fill(article);
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hard Text 😀 Test');
  await expect(galley.gaps).toHaveCount(1);
  await galley.gap(1).fill('🙂 fill');
  // The editor still answers typing promptly.
  await galley.selectWord('Emoji', 'Emoji');
  const started = Date.now();
  await page.keyboard.type('Smileys');
  await expect(galley.paragraph('Smileys')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5000);
  const expected = article.replace('a gap __ here', 'a gap 🙂 fill here').replace('Emoji 👩', 'Smileys 👩');
  expect(await galley.exportAs('Plain text (.txt)')).toBe(expected);
  await page.reload();
  await expect(galley.gap(1)).toHaveValue('🙂 fill');
  expect(errors).toEqual([]);
});

test('the article opens and can be edited before the interface loads, and even if it never does', async ({ page }) => {
  await page.route('**/assets/mount-*.js', (route) => route.abort());
  await page.goto('/');
  const text = page.getByRole('textbox', { name: 'Article text' });
  await expect(text).toContainText('Countless foreigners');
  await expect(page.getByRole('alert')).toHaveText(/could not load\. Your text is kept/);
  const galley = new GalleyPage(page);
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Dozens of');
  await expect(text).toContainText('Dozens of foreigners');
  // Saved as typed: with the interface back, the edit is there.
  await page.waitForTimeout(1500);
  await page.unroute('**/assets/mount-*.js');
  await galley.open();
  await expect(galley.paragraph('foreigners from')).toContainText('Dozens of foreigners from several');
});

test('the first frame the browser paints already holds the article, even when the script is slow to come', async ({ page }) => {
  // When the editor's element first appears, on the page's clock.
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.ProseMirror')) return;
      (window as unknown as { editorAt: number }).editorAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const release = await holdRequests(page, '**/assets/index-*.js');
  await page.goto('/', { waitUntil: 'commit' });
  // A browser that renders while the script is held back would paint the empty frame now.
  await page.waitForTimeout(600);
  release();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Countless foreigners');
  const { editorAt, firstPaint } = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const paint = performance.getEntriesByName('first-paint')[0];
    return { editorAt: (window as unknown as { editorAt?: number }).editorAt ?? null, firstPaint: paint ? paint.startTime : null };
  });
  expect(editorAt).not.toBeNull();
  expect(firstPaint).not.toBeNull();
  expect(firstPaint!).toBeGreaterThanOrEqual(editorAt!);
});

test('work saved by the previous storage format opens, shows its changes, and is upgraded on the next save', async ({ page }) => {
  const errors = failOnPageError(page);
  const frozen = await frozenFormat2();
  const index = JSON.parse(frozen['galley:workspace']!);
  frozen['galley:workspace'] = JSON.stringify({ ...index, currentId: 'ARTICLE_A' });
  await seedStorage(page, frozen);
  const galley = new GalleyPage(page);
  await galley.open();
  await expect(galley.paragraph('foreigners from')).toContainText('Many foreigners from several');
  await page.getByRole('button', { name: 'Show changes' }).click();
  const panel = page.getByRole('region', { name: /^Changes/ });
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'Revert: “Countless” → “Many”' })).toBeVisible();
  await galley.selectWord('neither of the volunteers are', 'neither');
  await page.keyboard.type('none');
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('galley:workspace') ?? '{}').version))
    .toBe(3);
  const saved = await page.evaluate(() => ({
    index: localStorage.getItem('galley:workspace') ?? '',
    original: localStorage.getItem('galley:original:ARTICLE_A') ?? '',
  }));
  expect(saved.index).not.toContain('originalText');
  expect(saved.original).toContain('Countless foreigners');
  await page.reload();
  await expect(galley.paragraph('of the volunteers')).toContainText('none of the volunteers');
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(page.getByRole('region', { name: /^Changes/ }).getByRole('listitem')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('an article whose saved original text is missing keeps its edits and says so', async ({ page }) => {
  const errors = failOnPageError(page);
  const frozen = await frozenFormat2();
  // The same work in format 3, with the first article's original key lost.
  const index = JSON.parse(frozen['galley:workspace']!);
  const keys: Record<string, string> = { ...frozen };
  for (const [id, entry] of Object.entries(index.articles as Record<string, { originalText: string }>)) {
    if (id !== 'ARTICLE_A') keys[`galley:original:${id}`] = entry.originalText;
    delete (entry as { originalText?: string }).originalText;
  }
  keys['galley:workspace'] = JSON.stringify({ ...index, version: 3, currentId: 'ARTICLE_A' });
  await seedStorage(page, keys);
  const galley = new GalleyPage(page);
  await galley.open();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText('The original text of “The Belarusian Soldiers Are Fighting For Ukraine” could not be read');
  await expect(galley.paragraph('foreigners from')).toContainText('Many foreigners from several');
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(page.getByRole('region', { name: /^Changes/ }).getByRole('listitem')).toHaveCount(0);
  expect(errors).toEqual([]);
});
