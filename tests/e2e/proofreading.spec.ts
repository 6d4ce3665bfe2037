import { expect, test } from '@playwright/test';
import { GalleyPage } from '../helpers/galley-page.ts';
import { holdRequests } from '../helpers/hold-requests.ts';

test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

test('show changes after two edits and revert one from the panel', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.selectWord('neither of the volunteers are', 'neither');
  await page.keyboard.type('none');
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Many');
  await page.getByRole('button', { name: 'Show changes' }).click();
  const panel = page.getByRole('region', { name: /^Changes/ });
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(page.locator('del.change-deleted')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Revert: “Countless” → “Many”' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(galley.paragraph('foreigners from')).toContainText('Countless foreigners');
  await expect(galley.paragraph('of the volunteers')).toContainText('none of the volunteers');
  const report = await galley.exportAs('Changes report (.txt)', { anyway: true });
  expect(report).toContain('1 change from the original:');
  expect(report).toContain('Paragraph 2: “neither” → “none”');
});

test('names spelled two ways: use Lukashenko everywhere; an ignored problem stays ignored after reload', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.locator('summary', { hasText: 'Names spelled two ways' })).toBeVisible({ timeout: 30000 });
  await page.locator('.lint-consistency', { hasText: 'Lukashenk' }).first().click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await card.getByRole('button', { name: 'Use Lukashenko everywhere' }).click();
  await expect(galley.editor).not.toContainText('Lukashenka');
  await expect(galley.editor).toContainText('Lukashenko’s regime');

  // Ignore the Frantskevich problem and find it still ignored after a reload.
  const frantskevich = page.locator('.lint-consistency', { hasText: 'Frant' });
  await expect(frantskevich.first()).toBeVisible({ timeout: 30000 });
  const before = await frantskevich.count();
  await frantskevich.first().click();
  await card.getByRole('button', { name: 'Ignore' }).click();
  await expect(frantskevich).toHaveCount(before - 1);
  await page.reload();
  await expect(problems.getByRole('status')).toHaveText(/to look at|No problems/, { timeout: 30000 });
  await expect(page.locator('.lint-consistency', { hasText: 'Frant' })).toHaveCount(before - 1);
});

test('the spelling engine loads lazily in a worker while the article is already editable', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Many');
  await expect(galley.paragraph('foreigners from')).toContainText('Many foreigners');
  const problems = page.getByRole('region', { name: /^Problems/ });
  // The engine loads, then its first full check runs ("Checking…"), then the problems are counted.
  await expect(problems.getByRole('status')).toHaveText(/to look at/, { timeout: 45000 });
});

test('a closed problem group shows that it opens, and opens to its list', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  const panel = page.getByRole('region', { name: /^Problems/ });
  const group = panel.locator('details.problem-group').filter({ hasText: 'Quotes without a confirmed speaker' });
  const summary = group.locator('summary');
  await expect(summary).toContainText('12');
  const marker = () => summary.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(await marker()).toContain('▸');
  await expect(group.getByRole('listitem')).toHaveCount(0);
  await summary.click();
  await expect(group.getByRole('listitem')).toHaveCount(12);
  expect(await marker()).toContain('▾');
  // The marker is decoration: the group's name is its words and count only.
  await expect(summary).toHaveAccessibleName(/^Quotes without a confirmed speaker\s*12$/);
});

test('a British article is checked as British English: its spellings are not reported, its typos are', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await page.getByRole('button', { name: 'Library' }).click();
  await page
    .getByLabel('Article text', { exact: true })
    .fill(
      'Harbour Works Delayed\n\nThe council said the colour of the new harbour wall had been chosen by the neighbours. ' +
        'The programme was organised over the summer, and teh work will be finished in the autumn.\n\n' +
        'Residents favour the plan, the council said, and the centre of the town will reopen next month.',
    );
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour Works Delayed');
  const problems = page.getByRole('region', { name: /^Problems/ });
  // The engine has run once the typo is found (local rules do not know spelling).
  await expect(page.locator('.lint-spelling', { hasText: 'teh' })).toHaveCount(1, { timeout: 45000 });
  await expect(problems.getByRole('status')).not.toHaveText(/loading/);
  const flagged = await page.locator('.lint-spelling').allTextContents();
  expect(flagged).toEqual(['teh']);
});

test('a check that lands keeps the problem card open and the keyboard on the problem list', async ({ page }) => {
  // Hold the spelling engine back, so its first full check lands while the user is at work.
  const release = await holdRequests(page, '**/*.wasm');
  const galley = new GalleyPage(page);
  await galley.open();
  // A typo only the engine finds, to see its check land.
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Many teh');
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.getByRole('status')).toHaveText(/loading/);
  // The checks that need no engine have run: names spelled two ways are listed.
  const names = problems.locator('details.problem-group').filter({ hasText: 'Names spelled two ways' });
  const first = names.getByRole('listitem').first().getByRole('button');
  await expect(first).toBeVisible({ timeout: 30000 });
  const label = await first.textContent();
  await first.click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await expect(card).toBeVisible();
  await first.focus();

  await expect(page.locator('.lint-spelling')).toHaveCount(0);

  release();
  // The engine's check has landed: it finds the typo.
  await expect(page.locator('.lint-spelling', { hasText: 'teh' })).toHaveCount(1, { timeout: 45000 });
  await expect(card).toBeVisible();
  await expect(page.locator(':focus')).toHaveText(label ?? '');
  await expect(names.getByRole('listitem').first().getByRole('button')).toBeFocused();
});

test('a problem card goes when the caret leaves its problem, and applies its fix where the problem is now', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('doubled.txt', 'Council Notes\n\nIt was the the best day of the year.\n\nNothing else happened.');
  const doubled = page.locator('.lint-repetition', { hasText: 'the the' });
  await expect(doubled).toHaveCount(1, { timeout: 30000 });
  await doubled.click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await expect(card).toBeVisible();
  // With the card open, the editor moves to the start of the paragraph and types: the card goes
  // as the caret leaves the problem, and the problem moves.
  await page.keyboard.press('Home');
  await expect(card).toBeHidden();
  await page.keyboard.type('Oh, ');
  await expect(galley.paragraph('It was')).toHaveText('Oh, It was the the best day of the year.');
  await doubled.click();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Remove the second “the”' }).click();
  await expect(galley.paragraph('It was')).toHaveText('Oh, It was the best day of the year.');

  // The card of a problem that an edit removed goes with it.
  await page.keyboard.press('End');
  await page.keyboard.type(' Then came the the end.');
  const second = page.locator('.lint-repetition', { hasText: 'the the' });
  await expect(second).toHaveCount(1, { timeout: 30000 });
  await second.click();
  await expect(card).toBeVisible();
  await page.keyboard.type('x');
  await expect(card).toBeHidden();
});

for (const [width, height] of [[390, 844], [1280, 800]] as const) {
  test(`a problem chosen in the list is shown in the middle of the window with its card, and the keyboard on the card (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const galley = new GalleyPage(page);
    await galley.open();
    await galley.showPanels();
    const problems = page.getByRole('region', { name: /^Problems/ });
    const item = problems.locator('button.link', { hasText: 'Lukashenko' }).nth(1);
    await item.scrollIntoViewIfNeeded();
    await item.click();
    const card = page.getByRole('dialog', { name: /^Problem:/ });
    await expect(card).toBeVisible();
    const place = await page.evaluate(() => {
      const word = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      const toolbar = document.getElementById('toolbar')!.getBoundingClientRect();
      const card = document.querySelector('.problem-card')!.getBoundingClientRect();
      const hit = document.elementFromPoint(word.left + word.width / 2, word.top + word.height / 2);
      return { word: window.getSelection()!.toString(), top: word.top, bottom: word.bottom, below: toolbar.bottom, height: innerHeight, seen: !!hit?.closest('.ProseMirror'), cardTop: card.top, cardBottom: card.bottom };
    });
    expect(place.word).toBe('Lukashenko');
    // The word is below the toolbar and well away from the window's edges, not hidden by anything.
    expect(place.seen).toBe(true);
    expect(place.top).toBeGreaterThan(place.below + 40);
    expect(place.bottom).toBeLessThan(place.height - 80);
    // Its card is on screen, beside the word, and has the keyboard.
    expect(place.cardTop).toBeGreaterThanOrEqual(0);
    expect(place.cardBottom).toBeLessThanOrEqual(place.height);
    expect(place.cardBottom <= place.top + 1 || place.cardTop >= place.bottom - 1).toBe(true);
    await expect(card.getByRole('button').first()).toBeFocused();
    // Escape: the card goes and the keyboard is back in the text, on the word.
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(galley.editor).toBeFocused();
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('Lukashenko');
  });
}

test('gap fills are proofread in context: their problems are marked on the gap, listed, and fixed in the fill', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('fills.txt', 'Fruit report\n\nShe ate a __ apple at the market.\n\nThe council recieved __ letters on Monday.');
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(page.locator('.lint-spelling', { hasText: 'recieved' })).toHaveCount(1, { timeout: 45000 });
  await galley.gap(1).fill('old');
  await galley.gap(2).fill('thre hundered');
  // "a old" is flagged in the text before the gap; the misspellings in the fill on the gap itself.
  await expect(page.locator('.lint-grammar', { hasText: /^a$/ })).toHaveCount(1, { timeout: 30000 });
  const spelling = problems.locator('details.problem-group').filter({ hasText: 'Spelling' });
  await expect(spelling.getByRole('button', { name: /^“?thre”? — / })).toBeVisible();
  await expect(spelling.getByRole('button', { name: /^“?hundered”? — / })).toBeVisible();
  await expect(page.locator('.gap-field.lint-spelling')).toHaveCount(1);
  // The fix sets the fill.
  await spelling.getByRole('button', { name: /^“?hundered”? — / }).click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await card.getByRole('button', { name: 'hundred', exact: true }).click();
  await expect(galley.gap(2)).toHaveValue('thre hundred');
  const text = await galley.exportAs('Plain text (.txt)', { anyway: true });
  expect(text).toContain('The council recieved thre hundred letters on Monday.');
});

test('an ignored problem stays ignored when the word next to it is fixed, also after a reload', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('mining.txt', 'Mining report\n\nThe firm said its glorbular recieved approval on Monday, officials said.');
  const glorbular = page.locator('.lint', { hasText: 'glorbular' });
  const recieved = page.locator('.lint', { hasText: 'recieved' });
  await expect(glorbular).toHaveCount(1, { timeout: 45000 });
  await glorbular.click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await card.getByRole('button', { name: 'Ignore' }).click();
  await expect(glorbular).toHaveCount(0);
  await recieved.click();
  await card.getByRole('button', { name: 'received', exact: true }).click();
  await expect(galley.paragraph('glorbular')).toContainText('its glorbular received approval');
  // The check after the fix has landed: "recieved" is gone from the list, and "glorbular" is not back.
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.getByRole('status')).toHaveText(/No problems found|to look at/, { timeout: 30000 });
  await page.waitForTimeout(1500);
  await expect(glorbular).toHaveCount(0);
  await expect(problems).not.toContainText('glorbular');
  await page.reload();
  await expect(problems.getByRole('status')).toHaveText(/No problems found|to look at/, { timeout: 45000 });
  await expect(page.locator('.lint-spelling')).toHaveCount(0);
  await expect(problems).not.toContainText('glorbular');
});

test('a word added to the dictionary is no longer flagged by any spelling rule', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('mayor.txt', 'Budget vote\n\nThe mayor aproved it on Monday, and the board aproved it too.');
  const aproved = page.locator('.lint', { hasText: 'aproved' });
  await expect(aproved).toHaveCount(2, { timeout: 45000 });
  await aproved.first().click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await card.getByRole('button', { name: 'Add “aproved” to dictionary' }).click();
  await expect(aproved).toHaveCount(0);
  // The check after the change has landed, and it flags neither occurrence again.
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.getByRole('status')).toHaveText(/No problems found|to look at/, { timeout: 30000 });
  await page.waitForTimeout(1500);
  await expect(aproved).toHaveCount(0);
  await expect(problems).not.toContainText('aproved');
});

test('a space before a comma is one problem, under Spacing, and switching Spacing off hides it', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('spacing.txt', 'Council report\n\nThe council met on Monday , officials said in teh hall.');
  const problems = page.getByRole('region', { name: /^Problems/ });
  // The engine has run once the typo is flagged.
  await expect(page.locator('.lint-spelling', { hasText: 'teh' })).toHaveCount(1, { timeout: 45000 });
  await expect(page.getByRole('heading', { name: /^Problems/ })).toHaveText('Problems (2)');
  await expect(problems.locator('summary', { hasText: 'Spacing' })).toContainText('1');
  await expect(problems.locator('summary', { hasText: 'Punctuation' })).toHaveCount(0);
  await page.getByText('Proofreading settings').click();
  await page.getByRole('checkbox', { name: 'Spacing', exact: true }).uncheck();
  await expect(page.getByRole('heading', { name: /^Problems/ })).toHaveText('Problems (1)');
  await expect(problems).not.toContainText('comma');
  await expect(page.locator('.lint', { hasText: /^ ,?$/ })).toHaveCount(0);
});

test('until the spelling engine has checked, the panel says checking goes on, never that the article is clean', async ({ page }) => {
  const release = await holdRequests(page, '**/*.wasm');
  const galley = new GalleyPage(page);
  await galley.openText('budget.txt', 'Budget\n\nThe councel aproved the budjet on Munday.');
  const problems = page.getByRole('region', { name: /^Problems/ });
  const heading = page.getByRole('heading', { name: /^Problems/ });
  // Every text the summary shows from now on.
  await problems.getByRole('status').evaluate((status) => {
    const seen: string[] = [status.textContent ?? ''];
    (window as unknown as { seenSummaries: string[] }).seenSummaries = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  // The checks that need no engine have run (and found nothing): no count, no "clean".
  await page.waitForTimeout(2000);
  await expect(problems.getByRole('status')).toHaveText(/loading/);
  await expect(heading).toHaveText('Problems');
  release();
  await expect(problems.getByRole('status')).toHaveText(/to look at/, { timeout: 45000 });
  await expect(heading).toHaveText(/^Problems \([1-9]\d*\)$/);
  const seen = await page.evaluate(() => (window as unknown as { seenSummaries: string[] }).seenSummaries);
  expect(seen.filter((text) => /No problems found/.test(text))).toEqual([]);
});

test('Ignore and Add to dictionary can be undone from the notice, and are listed, and removable, in the settings', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('undo.txt', 'Mining report\n\nThe firm said its glorbular plan was aproved on Monday.');
  const glorbular = page.locator('.lint', { hasText: 'glorbular' });
  const aproved = page.locator('.lint', { hasText: 'aproved' });
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await expect(glorbular).toHaveCount(1, { timeout: 45000 });
  await expect(aproved).toHaveCount(1);

  // Ignore, then Undo in the notice: the problem is back.
  await glorbular.click();
  await card.getByRole('button', { name: 'Ignore' }).click();
  await expect(glorbular).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(glorbular).toHaveCount(1, { timeout: 30000 });

  // Add to dictionary, then Undo: the word is flagged again.
  await aproved.click();
  await card.getByRole('button', { name: 'Add “aproved” to dictionary' }).click();
  await expect(aproved).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(aproved).toHaveCount(1, { timeout: 30000 });

  // Both again; the settings list them, and removing them there brings the problems back.
  await glorbular.click();
  await card.getByRole('button', { name: 'Ignore' }).click();
  await aproved.click();
  await card.getByRole('button', { name: 'Add “aproved” to dictionary' }).click();
  await expect(glorbular).toHaveCount(0);
  await expect(aproved).toHaveCount(0, { timeout: 30000 });
  await page.getByText('Proofreading settings').click();
  const ignoredList = page.getByRole('list', { name: 'Ignored problems' });
  const words = page.getByRole('list', { name: 'Dictionary words' });
  await expect(ignoredList.getByRole('listitem')).toHaveCount(1);
  await expect(ignoredList).toContainText('glorbular');
  await expect(words.getByRole('listitem')).toHaveText(['aproved Remove']);
  await ignoredList.getByRole('button', { name: 'Stop ignoring “glorbular”' }).click();
  await words.getByRole('button', { name: 'Remove “aproved” from the dictionary' }).click();
  await expect(glorbular).toHaveCount(1, { timeout: 30000 });
  await expect(aproved).toHaveCount(1, { timeout: 30000 });
  await expect(page.getByText('No ignored problems.')).toBeVisible();
  await expect(page.getByText('No words added.')).toBeVisible();
});

test('a problem in a gap fill is drawn on the field', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.gap(1).click();
  await page.keyboard.type('tens of thousnads of');
  await page.keyboard.press('Enter');
  const field = galley.editor.locator('.gap-field.lint-spelling');
  await expect(field).toHaveCount(1, { timeout: 45000 });
  const drawn = await field.locator('textarea, .gap-face').first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { outline: style.outlineStyle, decoration: style.textDecorationLine };
  });
  expect(drawn.outline).not.toBe('none');
  expect(drawn.decoration).toContain('underline');
});

test('a problem card goes when the text is scrolled away under it', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  const item = page.getByRole('region', { name: /^Problems/ }).locator('button.link', { hasText: 'Lukashenko' }).nth(1);
  await item.click();
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await expect(card).toBeVisible();
  // A moment later (the move that brought the word into view is over) the card is still there.
  await page.waitForTimeout(300);
  await expect(card).toBeVisible();
  await page.mouse.move(400, 400);
  await page.mouse.wheel(0, 400);
  await expect(card).toBeHidden();
});

test('a fix that cannot be made where a gap is says so and changes nothing', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('doubled.txt', 'Doubled in a gap\n\n“We will __ win this fight,” the captain said.');
  await galley.gap(1).fill('will');
  await page.keyboard.press('Escape');
  const problems = page.getByRole('region', { name: /^Problems/ });
  await problems.locator('button.link', { hasText: 'will will' }).click({ timeout: 45000 });
  const card = page.getByRole('dialog', { name: /^Problem:/ });
  await card.getByRole('button', { name: 'Remove the second “will”' }).click();
  await expect(page.getByText(/This fix would change the text and a gap’s fill at once/)).toBeVisible();
  await expect(galley.gap(1)).toHaveValue('will');
  await expect(card).toBeVisible();
});
