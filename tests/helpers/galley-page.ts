import { expect, type Locator, type Page } from '@playwright/test';

/** A page object for the Galley main screen. */
export class GalleyPage {
  readonly editor: Locator;
  readonly gaps: Locator;
  readonly counter: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('textbox', { name: 'Article text' });
    this.gaps = page.getByRole('textbox', { name: /^Gap \d+ of \d+/ });
    this.counter = page.getByText(/\d+ of \d+ gaps filled/);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    // Quote detection redraws the text once when it lands; wait for it so a test's selection is not reset.
    // (On a narrow window the panels are in a closed drawer, hidden: their count is read all the same.)
    await expect(this.page.getByRole('region', { name: 'Quotes & speakers', includeHidden: true }).getByRole('status', { includeHidden: true })).toHaveText(/quotes ·/, { timeout: 20000 });
  }

  /** Opens the sample, then a plain-text article through the library's file picker. */
  async openText(fileName: string, text: string): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Library' }).click();
    await this.page.getByLabel('Choose a file to open').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(text.slice(0, text.indexOf('\n')));
  }

  /**
   * Gap n's text field. A gap far from the screen shows a look-alike (a named text box without a
   * value) until it comes near; this waits for the real field.
   */
  gap(n: number): Locator {
    return this.page.getByRole('textbox', { name: new RegExp(`^Gap ${n} of \\d+`) }).and(this.page.locator('textarea'));
  }

  /** Makes the side panels visible: on a narrow window they are a drawer, opened from the toolbar. */
  async showPanels(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Panels', exact: true });
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  paragraph(text: string): Locator {
    return this.editor.locator('p', { hasText: text });
  }

  /** Selects `word` inside the first paragraph containing `context`, through the DOM selection. */
  async selectWord(context: string, word: string): Promise<void> {
    // Selected again if a background update (quotes, proofreading) lands before the editor has
    // read the new selection, as a user would select again.
    await expect(async () => {
      await this.selectWordOnce(context, word);
      expect(await this.page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(word);
    }).toPass({ timeout: 10_000 });
  }

  private async selectWordOnce(context: string, word: string): Promise<void> {
    await this.paragraph(context).first().evaluate(
      (p, [ctx, w]) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const at = text.indexOf(ctx!);
          if (at === -1) continue;
          const start = at + ctx!.indexOf(w!);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + w!.length);
          (p.closest('[contenteditable]') as HTMLElement).focus();
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        throw new Error(`text not found: ${ctx}`);
      },
      [context, word],
    );
    await this.page.waitForTimeout(100);
  }

  async exportAs(format: string, options: { anyway?: boolean } = {}): Promise<string> {
    await this.page.getByRole('button', { name: 'Export' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: format }).check();
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: options.anyway ? 'Export anyway' : /^(Download|Export anyway)$/ }).click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path, 'utf8');
  }
}
