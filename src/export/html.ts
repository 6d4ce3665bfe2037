/**
 * HTML export: the corrected article as one standalone page.
 *
 * The page is inert: it has no script, loads nothing (a Content-Security-Policy meta allows only
 * its own inline style), and every piece of the article (text, gap fills, speaker names and ids)
 * is escaped. Each quote segment is a `<span class="quote">` carrying the quote id, the speaker
 * id and name, and the status in `data-` attributes; the speaker is shown on hover (`title`) or,
 * with `attribution: 'inline'`, as a small label after the quote. Segments of one quote share
 * `data-quote-id`. The article's own quotation marks are part of the text, so no `<q>` element
 * (which would add a second pair) is used.
 */
import type { Node } from 'prosemirror-model';
import { articleModel, speakerName, STATUS_LABEL, type ArticleModel, type ModelQuote, type Run } from './article-model.ts';
import { escapeHtmlAttr, escapeHtmlText } from './escape.ts';

/** Options of the HTML export. */
export interface HtmlOptions {
  /** `hover` (default): the speaker is in the quote's tooltip. `inline`: also a label after the quote. */
  attribution?: 'hover' | 'inline';
  /** Mark gap fills with `<span class="fill">` (highlighted). Default false: fills read as plain text. */
  showFills?: boolean;
  /** The page language (`lang`). Default `en`. */
  lang?: string;
}

/** The policy of the exported page: nothing may load or run; only the inline style applies. */
export const HTML_EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font: 18px/1.6 Georgia, 'Times New Roman', serif; max-width: 40em; margin: 2em auto; padding: 0 1em; color: #1d1d1d; background: #fff; }
h1 { font-size: 1.8em; line-height: 1.2; }
.quote { background: #fff6d6; border-bottom: 1px solid #d8b74a; }
.quote[data-status="suggested"] { border-bottom-style: dashed; }
.quote[data-status="unattributed"] { background: #f3f3f3; border-bottom-color: #999; }
.speaker { font: 0.7em/1 system-ui, sans-serif; color: #6b5a1e; margin-left: 0.25em; vertical-align: super; }
.fill { background: #e3f1e3; }
.gap { color: #b00020; }
@media print { .quote { background: none; border: none; } }
`.trim();

/** The corrected article as a standalone HTML page. Deterministic; ends with a newline. */
export function exportHtml(doc: Node, options: HtmlOptions = {}): string {
  return htmlFromModel(articleModel(doc), options);
}

/** The HTML export of an already built model. */
export function htmlFromModel(model: ArticleModel, options: HtmlOptions = {}): string {
  const lang = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(options.lang ?? '') ? options.lang! : 'en';
  const quotes = new Map(model.quotes.map((q) => [q.id, q]));
  const body: string[] = [];
  for (const block of model.blocks) {
    const inner = renderRuns(block.runs, quotes, options);
    if (block.kind === 'title') body.push(`<h1>${inner}</h1>`);
    else if (block.runs.length > 0) body.push(`<p>${inner}</p>`);
  }
  const title = escapeHtmlText(model.title.replace(/\s+/g, ' ').trim() || 'Article');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtmlAttr(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_EXPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Galley">',
    `<title>${title}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<article>',
    ...body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Renders a block's runs, opening one span per contiguous quote segment. */
function renderRuns(runs: readonly Run[], quotes: Map<string, ModelQuote>, options: HtmlOptions): string {
  let html = '';
  let open: ModelQuote | null = null;
  const close = () => {
    if (!open) return;
    html += '</span>';
    if (options.attribution === 'inline' && open.speaker) {
      html += `<small class="speaker">${escapeHtmlText(speakerName(open.speaker))}</small>`;
    }
    open = null;
  };
  for (const run of runs) {
    const quote = run.quote === null ? null : (quotes.get(run.quote) ?? null);
    if (quote !== open) {
      close();
      if (quote) {
        html += quoteOpen(quote);
        open = quote;
      }
    }
    html += renderRun(run, options);
  }
  close();
  return html;
}

function quoteOpen(quote: ModelQuote): string {
  const attrs: [string, string][] = [
    ['class', 'quote'],
    ['data-quote-id', quote.id],
    ['data-status', quote.status],
  ];
  if (quote.speaker) {
    const name = speakerName(quote.speaker);
    attrs.push(['data-speaker', quote.speaker.id], ['data-speaker-name', name], ['title', `${name} (${STATUS_LABEL[quote.status]})`]);
  } else {
    attrs.push(['title', 'Speaker not identified']);
  }
  return `<span ${attrs.map(([k, v]) => `${k}="${escapeHtmlAttr(v)}"`).join(' ')}>`;
}

function renderRun(run: Run, options: HtmlOptions): string {
  if (run.kind === 'break') return '<br>';
  const text = escapeHtmlText(run.text).replace(/\r?\n/g, '<br>');
  if (run.kind === 'gap') {
    if (run.fill === '') return `<span class="gap" title="Gap not filled">${text}</span>`;
    if (options.showFills) return `<span class="fill" data-gap-id="${escapeHtmlAttr(run.id)}">${text}</span>`;
  }
  return text;
}
