import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { GalleyPage } from '../helpers/galley-page.ts';

const original = readFileSync(new URL('../../fixtures/article.txt', import.meta.url), 'utf8');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

test('a copy editor fills the gaps, corrects a word, undoes, reloads, exports and reverts', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Belarusian Soldiers Are Fighting For Ukraine');
  await expect(galley.editor.locator('p')).toHaveCount(15);
  await expect(galley.gaps).toHaveCount(2);
  await expect(galley.counter).toHaveText('0 of 2 gaps filled');

  // Keyboard only: jump to each gap, fill it, return to the text.
  await galley.editor.focus();
  await page.keyboard.press('Alt+g');
  await expect(galley.gap(1)).toBeFocused();
  await page.keyboard.type('tens of');
  await page.keyboard.press('Enter');
  await expect(galley.editor).toBeFocused();
  await page.keyboard.press('Alt+g');
  await expect(galley.gap(2)).toBeFocused();
  await page.keyboard.type('only');
  await page.keyboard.press('Escape');
  await expect(galley.editor).toBeFocused();
  await expect(galley.counter).toHaveText('2 of 2 gaps filled');
  await expect(page.getByRole('listitem').filter({ hasText: 'Gap 1' })).toContainText('filled');

  // Correct a word by typing over it.
  await galley.selectWord('neither of the volunteers are members', 'are');
  await page.keyboard.type('is');
  await expect(galley.paragraph('Although neither')).toContainText('neither of the volunteers is members');

  // Undo and redo.
  await page.keyboard.press(`${mod}+z`);
  await expect(galley.paragraph('Although neither')).toContainText('neither of the volunteers are members');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(galley.paragraph('Although neither')).toContainText('neither of the volunteers is members');
  await page.keyboard.press(`${mod}+z`);
  await page.keyboard.press(`${mod}+y`);
  await expect(galley.paragraph('Although neither')).toContainText('neither of the volunteers is members');

  // Reload right away: the pagehide flush keeps everything, including the cursor.
  await page.reload();
  await expect(galley.gap(1)).toHaveValue('tens of');
  await expect(galley.gap(2)).toHaveValue('only');
  await expect(galley.paragraph('Although neither')).toContainText('neither of the volunteers is members');
  await expect(galley.counter).toHaveText('2 of 2 gaps filled');
  const cursorText = await page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? '');
  expect(cursorText).toContain('neither of the volunteers is members');

  // Export the corrected text.
  const expected = original
    .replace('filled with __ thousands', 'filled with tens of thousands')
    .replace('their __ hope', 'their only hope')
    .replace('neither of the volunteers are', 'neither of the volunteers is');
  expect(await galley.exportAs('Plain text (.txt)')).toBe(expected);

  // Revert to original, with confirmation.
  await page.getByRole('button', { name: 'Revert to original' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revert' }).click();
  await expect(galley.counter).toHaveText('0 of 2 gaps filled');
  await expect(galley.gap(1)).toHaveValue('');
  await expect(galley.paragraph('Although neither')).toContainText('neither of the volunteers are members');
  await page.reload();
  await expect(galley.counter).toHaveText('0 of 2 gaps filled');
});

test('export warns about empty gaps and can export anyway', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.gap(1).fill('tens of');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Plain text (.txt)' }).check();
  await expect(dialog).toContainText('Gap 2 of 2 is empty');
  await expect(dialog).toContainText('their __ hope');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  expect(await readFile((await file.path())!, 'utf8')).toBe(original.replace('filled with __ thousands', 'filled with tens of thousands'));
});

test('gaps written with more underscores are named by their own marker in the export warning and the Gaps panel', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('markers.txt', 'Marker test\n\nThe fire destroyed _____ homes in ___ county.');
  const panel = page.getByRole('region', { name: 'Gaps' });
  await expect(panel.getByRole('button', { name: /^Gap 1/ })).toContainText('… The fire destroyed _____ homes in ___ county. …');
  await expect(panel.getByRole('button', { name: /^Gap 2/ })).toContainText('… destroyed _____ homes in ___ county. …');
  await expect(panel.getByRole('button', { name: /^Gap 1/ }).locator('mark')).toHaveText('_____');
  await expect(panel.getByRole('button', { name: /^Gap 2/ }).locator('mark')).toHaveText('___');
  await page.getByRole('button', { name: 'Export' }).click();
  const warnings = page.getByRole('dialog', { name: 'Export' }).getByRole('alert');
  await expect(warnings.getByRole('listitem').nth(0)).toHaveText('Gap 1 of 2 is empty — “…The fire destroyed _____ homes in ___ county.…” (written as “_____”)');
  await expect(warnings.getByRole('listitem').nth(1)).toHaveText('Gap 2 of 2 is empty — “…destroyed _____ homes in ___ county.…” (written as “___”)');
  await page.keyboard.press('Escape');
  expect(await galley.exportAs('Plain text (.txt)', { anyway: true })).toBe('Marker test\n\nThe fire destroyed _____ homes in ___ county.');
});

test('"Go to gap" from the export warning focuses the empty gap', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Go to gap' }).click();
  await expect(galley.gap(1)).toBeFocused();
});

test('"Go to gap", the Gaps panel and the Problems panel give the keyboard to a gap that is selected already', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('go-to-gap.txt', 'Go to gap test\n\nThe council approved __ new homes on __.');
  const deleted = page.getByRole('status').filter({ hasText: 'A gap was deleted.' });
  // Each time the gap is selected (its field was clicked) when the panel or the dialog is used.
  await galley.gap(1).click();
  await page.getByRole('region', { name: /^Problems/ }).getByRole('button', { name: 'Gap 1 is empty' }).click();
  await expect(galley.gap(1)).toBeFocused();
  await page.keyboard.type('12');
  await expect(galley.gap(1)).toHaveValue('12');
  await page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: /^Gap 1/ }).click();
  await expect(galley.gap(1)).toBeFocused();
  await page.keyboard.type('120');
  await expect(galley.gap(1)).toHaveValue('120');
  await galley.gap(2).click();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Go to gap' }).click();
  await expect(galley.gap(2)).toBeFocused();
  await page.keyboard.type('Tuesday');
  await expect(galley.gap(2)).toHaveValue('Tuesday');
  await expect(galley.gaps).toHaveCount(2);
  await expect(galley.counter).toHaveText('2 of 2 gaps filled');
  await expect(deleted).toHaveCount(0);
  expect(await galley.exportAs('Plain text (.txt)')).toBe('Go to gap test\n\nThe council approved 120 new homes on Tuesday.');
});

test('the gaps list jumps to a gap; deleting a gap can be undone', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: /^Gap 2/ }).click();
  await expect(galley.gap(2)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(galley.editor).toBeFocused();
  // Backspace next to a gap selects it rather than deleting it: a gap never goes by accident.
  await page.keyboard.press('Backspace');
  await expect(galley.gap(2)).toBeFocused();
  await expect(galley.gaps).toHaveCount(2);
  // Deleting a selection across a gap removes it, with an undo offered.
  await page.keyboard.press('Escape');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(galley.gaps).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'A gap was deleted.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(galley.gaps).toHaveCount(2);
});

test('paste inserts plain text only', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.evaluate(() => {
    (window as unknown as { pwned: boolean }).pwned = false;
    const data = new DataTransfer();
    data.setData('text/html', '<b>Many</b><img src=x onerror="window.pwned=true"><script>window.pwned=true</script>');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('.ProseMirror')!.dispatchEvent(event);
  });
  await expect(galley.paragraph('foreigners from')).toContainText('Many foreigners from');
  await expect(galley.editor.locator('b, img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);
});

test('works on a narrow window', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.gap(1).fill('tens of');
  await expect(galley.counter).toHaveText('1 of 2 gaps filled');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/narrow.png' });
});

test('on a narrow window the panels are a drawer over the text, and going to a gap from it closes it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const galley = new GalleyPage(page);
  await galley.open();
  const toggle = page.getByRole('button', { name: 'Panels', exact: true });
  const gaps = page.getByRole('region', { name: 'Gaps' });
  // The text comes first; the panels are one press away, not below the whole article.
  await expect(gaps).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(gaps).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Close panels' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/narrow-panels.png' });
  // Escape closes it and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(gaps).toBeHidden();
  await expect(toggle).toBeFocused();
  // An item that takes the user into the text closes the drawer: the gap is there to be filled.
  await toggle.click();
  await gaps.getByRole('button', { name: /Gap 2/ }).click();
  await expect(gaps).toBeHidden();
  await expect(galley.gap(2)).toBeFocused();
  await page.keyboard.type('a bright');
  await expect(galley.gap(2)).toHaveValue('a bright');
  await expect(galley.gap(2)).toBeInViewport();
  // On a wide window there is no drawer: the panels stay beside the text.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(toggle).toBeHidden();
  await expect(gaps).toBeVisible();
});

test('the narrow drawer keeps the keyboard: Tab goes round it, Escape in a form cancels the form, Escape after a merge closes it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const galley = new GalleyPage(page);
  await galley.open();
  const toggle = page.getByRole('button', { name: 'Panels', exact: true });
  const close = page.getByRole('button', { name: 'Close panels' });
  const speakers = page.getByRole('region', { name: 'Quotes & speakers' });
  await toggle.click();
  await expect(close).toBeFocused();
  // Shift+Tab from its first control goes to its last one, not to a gap far down the article.
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Shift+Tab');
  await expect(speakers).toBeVisible();
  expect(await page.evaluate(() => document.getElementById('side-panels')!.contains(document.activeElement))).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  // Escape in a speaker's rename field cancels the rename; the drawer stays.
  const item = speakers.locator('.speaker-item', { hasText: 'Oleksiy Frantzkevych' });
  await item.locator('summary').click();
  await item.getByRole('button', { name: 'Rename' }).click();
  await expect(item.getByLabel('New name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(item.getByLabel('New name')).toHaveCount(0);
  await expect(speakers).toBeVisible();
  // A merge removes the speaker (and the button that had the keyboard); Escape still closes the drawer.
  await item.getByRole('button', { name: 'Merge…' }).click();
  await item.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(speakers.locator('.speaker-name')).toHaveText(['Belarusian fighter']);
  await page.keyboard.press('Escape');
  await expect(speakers).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('a long fill can be read in full in its field, on a narrow and on a wide screen; short fills keep their line', async ({ page }) => {
  const galley = new GalleyPage(page);
  const long = 'tens of thousands of angry but peaceful and determined';
  /** The field's box, how much of its text it shows, and where the text around it stands. */
  const measure = () =>
    galley.gap(1).evaluate((field) => {
      const box = field.getBoundingClientRect();
      const line = field.closest('p')!.getBoundingClientRect();
      return { hidden: field.scrollWidth - field.clientWidth + field.scrollHeight - field.clientHeight, left: box.left - line.left, right: line.right - box.right, height: box.height, top: box.top - line.top };
    });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await galley.open();
    await galley.gap(1).fill('');
    const empty = await measure();
    await galley.gap(1).fill('tens');
    // A short fill sits in the line as an empty field does.
    expect(await measure()).toEqual({ ...empty, right: expect.any(Number) });
    await galley.gap(1).fill(long);
    await page.keyboard.press('Escape');
    const filled = await measure();
    // Every letter of the fill is in view, inside the text's column; at 390 px it wraps.
    expect(filled.hidden).toBe(0);
    expect(filled.left).toBeGreaterThanOrEqual(0);
    expect(filled.right).toBeGreaterThanOrEqual(0);
    if (width === 390) expect(filled.height).toBeGreaterThan(1.5 * empty.height);
    else expect(filled.height).toBe(empty.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await expect(galley.gap(1)).toHaveValue(long);
  }
});

test('the main screen has no serious accessibility violations', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await page.screenshot({ path: 'test-results/screens/desktop.png' });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('redo with nothing to redo changes nothing, however the browser names the key', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Many');
  await expect(galley.paragraph('Many foreigners')).toHaveCount(1);
  // Shift+Ctrl+Z reported as "Z" (Windows, Linux) and as "z" (as macOS reports Shift+Cmd+Z).
  for (const keys of ['Control+Shift+Z', 'Control+Shift+z', 'Control+y']) {
    await page.keyboard.press(keys);
    await page.waitForTimeout(100);
    await expect(galley.paragraph('Many foreigners'), keys).toHaveCount(1);
  }
  // In a gap's field too.
  await galley.gap(1).fill('volunteers');
  await galley.gap(1).press('Control+Shift+z');
  await expect(galley.gap(1)).toHaveValue('volunteers');
  await galley.gap(1).press('Control+z');
  await expect(galley.gap(1)).toHaveValue('');
  await expect(galley.paragraph('Many foreigners')).toHaveCount(1);
});

test('after Revert in the Changes panel, Ctrl+Z brings the change back and leaves the gaps alone', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.selectWord('Countless foreigners', 'Countless');
  await page.keyboard.type('Countless REALLY');
  await galley.gap(1).click();
  await page.keyboard.type('great');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show changes' }).click();
  await page.getByRole('button', { name: 'Revert: added “REALLY”' }).click();
  await expect(galley.paragraph('Countless foreigners')).not.toContainText('REALLY');
  // The button is gone with its change: the keyboard is on the page, in no field.
  await expect.poll(() => page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(galley.paragraph('Countless REALLY foreigners')).toHaveCount(1);
  await expect(galley.gap(1)).toHaveValue('great');
  await page.keyboard.press('Control+Shift+z');
  await expect(galley.paragraph('Countless foreigners')).not.toContainText('REALLY');
  await expect(galley.gap(1)).toHaveValue('great');
});

test('undoing a gap fill goes back to that gap, and clicking into a filled gap keeps the caret where it was clicked', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.gap(1).click();
  // In one input (typed keys more than half a second apart would be two undo steps, as in any
  // ProseMirror editor: a slow machine must not change what one undo takes back).
  await galley.gap(1).fill('thousands');
  await page.keyboard.press('Escape');
  // Elsewhere in the text, then undo: the fill goes, and the keyboard is in that gap again.
  await galley.selectWord('Countless foreigners', 'foreigners');
  await page.keyboard.press('Control+z');
  await expect(galley.gap(1)).toHaveValue('');
  await expect(galley.gap(1)).toBeFocused();
  await page.keyboard.type('hundreds');
  await expect(galley.gap(1)).toHaveValue('hundreds');
  // A click at the start of a filled field puts the caret there; it does not select the fill.
  await page.keyboard.press('Escape');
  const box = (await galley.gap(1).boundingBox())!;
  await page.mouse.click(box.x + 3, box.y + box.height / 2);
  await page.keyboard.type('many ');
  await expect(galley.gap(1)).toHaveValue('many hundreds');
});

test('text pasted into a gap with line breaks becomes one line with single spaces', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const galley = new GalleyPage(page);
  await galley.open();
  await galley.gap(1).fill('about ');
  await page.evaluate(() => navigator.clipboard.writeText('line one\nline two\n\nline   three'));
  await galley.gap(1).press('Control+v');
  await expect(galley.gap(1)).toHaveValue('about line one line two line three');
  expect(await galley.exportAs('Plain text (.txt)', { anyway: true })).toContain('filled with about line one line two line three thousands');
});

test('working through the gaps without leaving them: each fill stays in its own gap', async ({ page }) => {
  const galley = new GalleyPage(page);
  await galley.openText('three-gaps.txt', 'Three gaps\n\nOne __ two __ three __ end.');
  // Entered by a click, filled, then Alt+G straight from the field: the next gap, not this one again.
  await galley.gap(1).click();
  await page.keyboard.type('first');
  await page.keyboard.press('Alt+g');
  await expect(galley.gap(2)).toBeFocused();
  await page.keyboard.type('second');
  await page.keyboard.press('Alt+g');
  await expect(galley.gap(3)).toBeFocused();
  await page.keyboard.type('third');
  await expect(galley.gap(1)).toHaveValue('first');
  await expect(galley.gap(2)).toHaveValue('second');
  await expect(galley.gap(3)).toHaveValue('third');
  // Back with Alt+Shift+G, and Alt+E from a gap typed in and cleared again: the gaps around it.
  await page.keyboard.press('Alt+Shift+g');
  await expect(galley.gap(2)).toBeFocused();
  await galley.gap(1).fill('');
  await galley.gap(3).fill('');
  await galley.gap(1).click();
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Alt+e');
  await expect(galley.gap(3)).toBeFocused();
  await expect(galley.counter).toHaveText('1 of 3 gaps filled');
  expect(await galley.exportAs('Plain text (.txt)', { anyway: true })).toBe('Three gaps\n\nOne __ two second three __ end.');
});
