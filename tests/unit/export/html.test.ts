import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { exportHtml, HTML_EXPORT_CSP } from '../../../src/export/html.ts';
import { BELARUSIAN_FIGHTER, buildArticle, sampleDoc } from '../../helpers/sample-doc.ts';

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('exportHtml', () => {
  it('is a standalone page with a restrictive CSP and no script', () => {
    const html = exportHtml(sampleDoc());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_EXPORT_CSP}">`);
    expect(HTML_EXPORT_CSP).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
  });

  it('puts each quote in a span carrying its speaker', () => {
    const document = parse(exportHtml(sampleDoc()));
    const quotes = [...document.querySelectorAll('span.quote')];
    expect(quotes).toHaveLength(12);
    expect(quotes[0]!.getAttribute('data-speaker')).toBe('belarusian-fighter');
    expect(quotes[0]!.getAttribute('data-speaker-name')).toBe('Belarusian fighter');
    expect(quotes[0]!.getAttribute('title')).toBe('Belarusian fighter (confirmed)');
    expect(quotes[7]!.getAttribute('data-speaker-name')).toBe('Oleksiy Frantzkevych');
    expect(quotes[8]!.textContent).toContain('their only hope');
    expect(document.querySelector('h1')!.textContent).toBe('The Belarusian Soldiers Are Fighting For Ukraine');
    expect(document.querySelectorAll('article > p')).toHaveLength(15);
  });

  it('shows the speaker inline on request, and marks fills and empty gaps', () => {
    const doc = buildArticle('T\n\n“A __ b,” x said. __ end.', { fills: ['filled'], speakers: [BELARUSIAN_FIGHTER], quotes: [{ speaker: BELARUSIAN_FIGHTER.id }] });
    const html = exportHtml(doc, { attribution: 'inline', showFills: true });
    expect(html).toContain('<span class="fill" data-gap-id="g1">filled</span> b,”</span><small class="speaker">Belarusian fighter</small>');
    expect(html).toContain('<span class="gap" title="Gap not filled">__</span> end.');
  });

  it('escapes text, fills and speaker names', () => {
    const evil = { id: 'x" onerror="alert(1)', name: '<script>alert(1)</script>', aliases: [] };
    const doc = buildArticle('<b>T</b> & co\n\n“<script>alert(1)</script>” __', { fills: ['<img src=x onerror=alert(1)>'], speakers: [evil], quotes: [{ speaker: evil.id }] });
    const html = exportHtml(doc, { attribution: 'inline' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;b&gt;T&lt;/b&gt; &amp; co');
    const document = parse(html);
    const quote = document.querySelector('span.quote')!;
    expect(quote.getAttribute('data-speaker')).toBe(evil.id);
    expect(quote.getAttribute('data-speaker-name')).toBe(evil.name);
    expect(quote.getAttributeNames().sort()).toEqual(['class', 'data-quote-id', 'data-speaker', 'data-speaker-name', 'data-status', 'title']);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
  });
});
