import { expect, test } from '@playwright/test';
import { GalleyPage } from '../helpers/galley-page.ts';

test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

// A long article (about 50,000 characters): 240 paragraphs, each with one doubled word.
const words = ['council', 'budget', 'harbour', 'school', 'bridge', 'library', 'market', 'station'];
const body = Array.from(
  { length: 240 },
  (_, i) =>
    `Paragraph ${i + 1} reports that the ${words[i % words.length]} plan was discussed again on Tuesday, and that the the members agreed to meet once more before the vote in the spring.`,
);
const article = ['Long Council Report', ...body].join('\n\n');

test('in a long article, problems are underlined wherever the editor scrolls, and all are listed', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('long.txt', article);

  const problems = page.getByRole('region', { name: /^Problems/ });
  const repeated = problems.locator('summary', { hasText: 'Repeated words' });
  await expect(repeated).toContainText('240', { timeout: 30000 });

  const first = galley.paragraph('Paragraph 1 reports');
  await expect(first.locator('.lint-repetition')).toHaveText('the the');

  // Far down the article: underlined once it is on screen.
  const last = galley.paragraph('Paragraph 240 reports');
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('.lint-repetition')).toHaveText('the the');
  await expect(last.locator('.lint-repetition')).toBeInViewport();

  // Typing there: the touched problem goes at once, a new one is found after a pause.
  await last.locator('.lint-repetition').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Then then they left.');
  await expect(last.locator('.lint-repetition', { hasText: 'Then then' })).toBeVisible({ timeout: 15000 });

  // And back at the top, the first paragraph's problem is still underlined.
  await first.scrollIntoViewIfNeeded();
  await expect(first.locator('.lint-repetition')).toBeInViewport();
  await expect(repeated).toContainText('241');
});

// An article quoting seventy different people, one quote each.
const firstNames = ['Anna', 'Boris', 'Clara', 'Dmitri', 'Elena', 'Felix', 'Greta', 'Hugo', 'Irena', 'Jonas'];
const surnames = ['Adler', 'Berger', 'Castell', 'Dorn', 'Eckert', 'Falk', 'Gruber'];
const people = surnames.flatMap((surname) => firstNames.map((name) => `${name} ${surname}`));
const manyVoices = ['Seventy Voices on the Bridge', ...people.map((person, i) => `“The bridge must open by spring ${i + 1},” said ${person}, who lives near the river.`)].join('\n\n');

for (const width of [1280, 420]) {
  test(`at ${width} px, a registry of seventy speakers lists its first page at once and the rest as the panels are scrolled, and still merges`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const galley = new GalleyPage(page);
    await galley.openText('voices.txt', manyVoices);
    await galley.showPanels();

    const panel = page.getByRole('region', { name: 'Quotes & speakers' });
    await expect(panel.getByRole('status')).toHaveText('70 quotes · 0 confirmed', { timeout: 30000 });
    await expect(panel.locator('.speaker-name').first()).toHaveText('Anna Adler');
    const items = panel.locator('.speaker-item');
    await expect(items).not.toHaveCount(0);
    expect(await items.count()).toBeLessThan(70);

    // Scrolling down the panels (their own column on a wide screen, the drawer on a narrow one)
    // brings the next pages without a click.
    const more = panel.locator('.show-more');
    await expect(async () => {
      await page.evaluate(() => {
        document.getElementById('side-panels')!.scrollTop += 600;
      });
      await expect(items).toHaveCount(70, { timeout: 500 });
    }).toPass({ timeout: 20000 });
    await expect(more).toHaveCount(0);

    // Merge the last speaker into the first: the choice lists every other speaker.
    const last = panel.locator('.speaker-item', { hasText: 'Jonas Gruber' });
    await last.locator('summary').click();
    await last.getByRole('button', { name: 'Merge…' }).click();
    const into = last.getByLabel('Merge Jonas Gruber into');
    await expect(into.locator('option')).toHaveCount(69);
    await into.selectOption({ label: 'Anna Adler' });
    await last.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(panel.locator('.speaker-item')).toHaveCount(69);
    await expect(panel.locator('.speaker-item', { hasText: 'Anna Adler' })).toContainText('2 quotes');
  });
}

test('on a wide screen the panels scroll on their own, so the lowest is in reach from the middle of a long article', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('voices.txt', manyVoices);
  const panel = page.getByRole('region', { name: 'Quotes & speakers' });
  await expect(panel.getByRole('status')).toHaveText('70 quotes · 0 confirmed', { timeout: 30000 });
  await expect(panel.locator('.speaker-item').first()).toBeVisible();

  const middle = await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    return window.scrollY;
  });
  expect(middle).toBeGreaterThan(1000);
  const lowest = page.locator('#side-panels > :last-child');
  // Lists above it grow as they pass by (the next page comes near the view), so scroll again until it stays.
  await expect(async () => {
    await lowest.scrollIntoViewIfNeeded();
    await expect(lowest).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 20000 });
  // The article stayed where the editor was reading.
  expect(await page.evaluate(() => window.scrollY)).toBe(middle);
});

test('on a medium screen, where the toolbar wraps to two rows, the side column sits below it and inside the window', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 700 });
  const galley = new GalleyPage(page);
  await galley.openText('voices.txt', manyVoices);
  await expect(page.getByRole('button', { name: 'Export' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(async () => {
    const box = await page.evaluate(() => {
      const toolbar = document.getElementById('toolbar')!.getBoundingClientRect();
      const column = document.getElementById('side-panels')!.getBoundingClientRect();
      return { toolbarBottom: toolbar.bottom, top: column.top, bottom: column.bottom };
    });
    expect(box.toolbarBottom).toBeGreaterThan(80); // two rows
    expect(box.top).toBeGreaterThanOrEqual(box.toolbarBottom);
    expect(box.bottom).toBeLessThanOrEqual(700);
  }).toPass({ timeout: 5000 });
  await expect(page.getByRole('heading', { name: 'Gaps' })).toBeInViewport();
});

test('paragraphs far from the screen are skipped by layout, except those holding a gap field', async ({ page }) => {
  // The browser looks at every text field once the page has loaded; one inside a skipped
  // paragraph would make it lay that paragraph out on its own (a fifth of a second at 200 gaps).
  const galley = new GalleyPage(page);
  await galley.open();
  const visibility = (text: string) => galley.paragraph(text).evaluate((p) => getComputedStyle(p).contentVisibility);
  await expect(galley.gap(1)).toBeVisible();
  expect(await galley.gap(1).evaluate((input) => getComputedStyle(input.closest('p')!).contentVisibility)).toBe('visible');
  expect(await visibility('Countless foreigners')).toBe('auto');
});

test('gaps far down a long article: each is named from the start, a field once near the screen, and reachable from the gaps list', async ({ page }) => {
  const paragraphs = Array.from({ length: 240 }, (_, i) =>
    i % 20 === 19 ? `Paragraph ${i + 1} says the vote was __ and that the members will meet again.` : `Paragraph ${i + 1} reports that the plan was discussed again on Tuesday.`,
  );
  const galley = new GalleyPage(page);
  await galley.openText('gaps.txt', ['Gaps Far Apart', ...paragraphs].join('\n\n'));
  // Every gap is a named text box for assistive technology, but only those near the screen are
  // text fields yet: the others are look-alikes, and their paragraphs can be skipped by layout.
  await expect(galley.gaps).toHaveCount(12);
  const field = (n: number) => page.locator(`.gap-field[data-gap-id="g${n}"] textarea`);
  await expect(field(1)).toBeAttached();
  await expect(field(12)).toHaveCount(0);
  const last = galley.paragraph('Paragraph 240 says');
  expect(await last.evaluate((p) => getComputedStyle(p).contentVisibility)).toBe('auto');

  // Scrolled to, the last gap is a field and takes typing.
  await last.scrollIntoViewIfNeeded();
  await expect(field(12)).toBeVisible();
  await field(12).fill('close');
  await expect(galley.counter).toHaveText('1 of 12 gaps filled');

  // Back at the top, the gaps list goes to gap 11, and the keyboard is in its field.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: /^Gap 11/ }).click();
  await expect(field(11)).toBeFocused();
  await page.keyboard.type('tight');
  await expect(field(11)).toHaveValue('tight');
  await expect(galley.counter).toHaveText('2 of 12 gaps filled');
});

test('a gap that is still a look-alike takes a click: its field comes with the keyboard in it', async ({ page }) => {
  // As when the window jumps far down the article and the user clicks a gap at once: the
  // browser has not yet said that it is near (here it never does).
  await page.addInitScript(() => {
    window.IntersectionObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof IntersectionObserver;
  });
  const galley = new GalleyPage(page);
  await galley.open();
  const face = page.locator('.gap-field[data-gap-id="g1"] .gap-face');
  await expect(face).toHaveText('__');
  await expect(page.locator('.gap-field textarea')).toHaveCount(0);
  await face.click();
  await expect(galley.gap(1)).toBeFocused();
  await page.keyboard.type('tens of');
  await expect(galley.gap(1)).toHaveValue('tens of');
  await expect(galley.counter).toHaveText('1 of 2 gaps filled');
});
