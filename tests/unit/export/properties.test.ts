/**
 * Property-based tests of every export: for random articles full of hostile content (markup,
 * quotes, `]]>`, `&`, control characters, astral characters, lone surrogates, CRLF) in the text,
 * the gap fills and the speaker names, every format stays well-formed, escapes everything and
 * says exactly what the article says.
 */
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import type { Speaker } from '../../../src/editor/schema.ts';
import { articleModel, speakerName, type ModelBlock } from '../../../src/export/article-model.ts';
import { exportDocx } from '../../../src/export/docx.ts';
import { xmlSafe } from '../../../src/export/escape.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportProject, importProject } from '../../../src/export/project.ts';
import { defuseFormula, exportQuotesCsv } from '../../../src/export/quotes-csv.ts';
import { exportQuotesJson, type QuotesJson } from '../../../src/export/quotes-json.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { exportPlainText } from '../../../src/export/text.ts';
import { webAnnotationData, type Selector, type SpecificResource } from '../../../src/export/web-annotation.ts';
import { buildArticle, curlyQuoteSpans, parseCsv, unzip, type QuoteSpec } from '../../helpers/sample-doc.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '" onerror="alert(1)',
  "' onload='x",
  ']]>',
  '&',
  '&amp;',
  '&#x3c;',
  '<!--',
  '<![CDATA[',
  '\u0000',
  '\u0007',
  '\u001b',
  '😀',
  '𝔘',
  'é',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '=cmd|x',
  '+1',
  '-1',
  '@x',
  '*',
  '_',
  '#',
  '`',
  '[x](y)',
  '\\',
  '|',
  '~',
  '>',
  '1.',
];
const WORDS = ['word', 'the', ' ', ' ', '  ', ',', '.', '__', '\t'];

const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...WORDS));
const phrase = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const line = fc.array(fc.oneof(phrase, phrase.map((p) => `“${p}”`)), { minLength: 1, maxLength: 3 }).map((p) => p.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const separator = fc.constantFrom('\n\n', '\n\n\n', '\n \n');

interface RandomArticle {
  text: string;
  doc: Node;
  speakers: Speaker[];
}

const article: fc.Arbitrary<RandomArticle> = fc
  .record({
    title: phrase.map((p) => `T${p}`),
    paragraphs: fc.array(fc.tuple(separator, paragraph), { maxLength: 4 }),
    crlf: fc.boolean(),
    trailing: fc.constantFrom('', '\n', '\n\n'),
    fills: fc.array(phrase, { maxLength: 6 }),
    names: fc.array(phrase, { minLength: 1, maxLength: 3 }),
    aliases: fc.array(phrase, { maxLength: 2 }),
    quotes: fc.array(
      fc.record({
        speaker: fc.option(fc.nat(5), { nil: null }),
        confirmed: fc.boolean(),
        confidence: fc.double({ min: 0, max: 1, noNaN: true }),
        /** Continue the previous quote (a quote split in segments). */
        continues: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
  })
  .map((a) => {
    let text = a.title + a.paragraphs.map(([sep, p]) => sep + p).join('') + a.trailing;
    if (a.crlf) text = text.replace(/\n/g, '\r\n');
    const speakers = a.names.map((name, i) => ({ id: `${i}${name}`, name, aliases: a.aliases }));
    const spans = curlyQuoteSpans(textToDoc(text)).length;
    const quotes: QuoteSpec[] = [];
    for (const q of a.quotes.slice(0, spans)) {
      const previous = quotes[quotes.length - 1];
      if (q.continues && previous) quotes.push({ ...previous });
      else {
        const speaker = q.speaker === null ? null : speakers[q.speaker % speakers.length]!.id;
        quotes.push({ id: `q${quotes.length + 1}`, speaker, confirmed: q.confirmed, confidence: q.confidence });
      }
    }
    return { text, speakers, doc: buildArticle(text, { fills: a.fills, speakers, quotes }) };
  });

const NUL = new RegExp(String.fromCharCode(0), 'g');

/** The text a TextPositionSelector selects, counting code points. */
const byCodePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

function parseXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(xml, 'application/xml');
  if (errors.length > 0) throw new Error(`${errors.join('\n')}\n${xml}`);
  return doc as unknown as Document;
}

describe('export properties', () => {
  it('import then plain-text export is the identity, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '\t', '__', '___', 'x__y', '😀', '\n\n', ' \n\t\n'), { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(exportPlainText(textToDoc(t))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('project export → import → export is the identity', () => {
    const settings = fc.record({ ignoredProblems: fc.array(phrase, { maxLength: 4 }), dictionary: fc.array(phrase, { maxLength: 4 }) });
    fc.assert(
      fc.property(article, settings, fc.option(fc.nat(), { nil: undefined }), ({ text, doc }, s, createdAt) => {
        const file = exportProject({ title: `Title ${text.slice(0, 20)}`, originalText: text, doc, settings: s, ...(createdAt === undefined ? {} : { createdAt }) });
        const result = importProject(file);
        if (!result.ok) throw new Error(result.message);
        expect(result.article.doc.eq(doc)).toBe(true);
        expect(exportProject(result.article)).toBe(file);
      }),
      { numRuns: 150 },
    );
  });

  it('every Web Annotation selector selects its exact text, counted in code points', () => {
    fc.assert(
      fc.property(article, fc.oneof(fc.constant(null), paragraph), ({ text, doc }, other) => {
        const original = other ?? text;
        const corrected = exportPlainText(doc);
        const data = webAnnotationData(articleModel(doc), { originalText: original, source: 'c.txt', originalSource: 'o.txt' });
        expect(data.total).toBe(data.first.items.length);
        for (const annotation of data.first.items) {
          const source = annotation.motivation === 'editing' ? original : corrected;
          const targets: SpecificResource[] = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
          for (const target of targets) {
            expect(target.source).toBe(annotation.motivation === 'editing' ? 'o.txt' : 'c.txt');
            const [quote, position] = target.selector as [Extract<Selector, { type: 'TextQuoteSelector' }>, Extract<Selector, { type: 'TextPositionSelector' }>];
            expect(quote.type).toBe('TextQuoteSelector');
            expect(position.type).toBe('TextPositionSelector');
            expect(byCodePoints(source, position.start, position.end)).toBe(quote.exact);
            const before = [...(quote.prefix ?? '')].length;
            const after = [...(quote.suffix ?? '')].length;
            expect(byCodePoints(source, position.start - before, position.start)).toBe(quote.prefix ?? '');
            expect(byCodePoints(source, position.end, position.end + after)).toBe(quote.suffix ?? '');
          }
        }
        JSON.parse(JSON.stringify(data));
      }),
      { numRuns: 200 },
    );
  });

  it('TEI is well-formed, has no script, links its ids, and reads as the corrected text', () => {
    fc.assert(
      fc.property(article, fc.oneof(fc.constant(null), paragraph), ({ text, doc }, other) => {
        const xml = exportTei(doc, { originalText: other ?? text });
        expect(xml).not.toMatch(/<script/i);
        const tei = parseXml(xml);
        const all = (name: string) => [...(tei.getElementsByTagName(name) as unknown as Element[])];
        const ids = new Set<string>();
        for (const element of all('*')) {
          const id = element.getAttribute('xml:id');
          if (id === null) continue;
          expect(id).toMatch(/^[A-Za-z][A-Za-z0-9._-]*$/);
          expect(ids.has(id)).toBe(false);
          ids.add(id);
        }
        const saids = all('said');
        saids.forEach((said, i) => {
          for (const attr of ['who', 'next', 'prev']) {
            const ref = said.getAttribute(attr);
            if (ref !== null) expect(ids.has(ref.slice(1))).toBe(true);
          }
          // A chain runs forward in document order and links back.
          const next = said.getAttribute('next');
          if (next !== null) {
            const j = saids.findIndex((s) => s.getAttribute('xml:id') === next.slice(1));
            expect(j).toBeGreaterThan(i);
            expect(saids[j]!.getAttribute('prev')).toBe(`#${said.getAttribute('xml:id')}`);
          }
        });
        const model = articleModel(doc);
        expect(saids).toHaveLength(model.quotes.reduce((n, q) => n + q.segments.length, 0));
        expect(saids.filter((s) => s.getAttribute('prev') === null)).toHaveLength(model.quotes.length);
        // Reading the corrections (corr, not sic), the fills and the breaks gives the corrected text.
        const blocks = all('body')[0]!.childNodes as unknown as Element[];
        const elements = [...blocks].filter((n) => n.nodeType === 1);
        expect(elements).toHaveLength(model.blocks.length);
        elements.forEach((element, i) => {
          expect(readTei(element, model.eol)).toBe(expectedXmlText(model.blocks[i]!));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('HTML parses, has no script or event handler, and shows the text and names exactly', () => {
    fc.assert(
      fc.property(article, ({ doc }) => {
        const html = exportHtml(doc, { attribution: 'inline' });
        expect(html).not.toMatch(/<script/i);
        const window = new Window();
        window.document.write(html);
        const document = window.document;
        expect(document.querySelectorAll('script, img, iframe, object').length).toBe(0);
        for (const element of document.querySelectorAll('*')) {
          expect(element.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
        }
        const model = articleModel(doc);
        const blocks = [...document.querySelectorAll('article > h1, article > p')];
        const shown = model.blocks.filter((b) => b.kind === 'title' || b.runs.length > 0);
        expect(blocks).toHaveLength(shown.length);
        blocks.forEach((element, i) => {
          const clone = element.cloneNode(true) as typeof element;
          for (const label of clone.querySelectorAll('small.speaker')) label.remove();
          const normalize = (s: string) => s.replace(/\r\n?|\n/g, '').replace(NUL, '\uFFFD');
          expect(normalize(clone.textContent ?? '')).toBe(normalize(shown[i]!.text));
        });
        const spans = [...document.querySelectorAll('span.quote')];
        const quotes = new Map(model.quotes.map((q) => [q.id, q]));
        for (const span of spans) {
          const quote = quotes.get(span.getAttribute('data-quote-id') ?? '')!;
          expect(quote).toBeDefined();
          if (quote.speaker) {
            expect(span.getAttribute('data-speaker')).toBe(quote.speaker.id.replace(NUL, '\uFFFD'));
            expect(span.getAttribute('data-speaker-name')).toBe(speakerName(quote.speaker).replace(NUL, '\uFFFD'));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('Markdown has no raw markup and unescapes to the article text', () => {
    fc.assert(
      fc.property(article, ({ doc }) => {
        const md = exportMarkdown(doc);
        expect(md).not.toContain('<');
        const model = articleModel(doc);
        const quotes = model.quotes.length;
        const parts = md.replace(/\n$/, '').split('\n\n');
        const body = quotes > 0 ? parts.slice(1, -1) : parts.slice(1);
        const paragraphs = model.blocks.slice(1).map(markdownLines).filter((lines) => lines.length > 0);
        expect(body.map(unescapeMarkdown)).toEqual(paragraphs.map((lines) => lines.join('\n')));
      }),
      { numRuns: 200 },
    );
  });

  it('CSV round-trips through an RFC 4180 parser, formulas defused; JSON parses back', () => {
    fc.assert(
      fc.property(article, ({ doc }) => {
        const model = articleModel(doc);
        const rows = parseCsv(exportQuotesCsv(doc));
        expect(rows).toHaveLength(model.quotes.length + 1);
        model.quotes.forEach((quote, i) => {
          const row = rows[i + 1]!;
          expect(row[1]).toBe(defuseFormula(quote.speaker ? speakerName(quote.speaker) : ''));
          expect(row[2]).toBe(defuseFormula(quote.text));
          expect(row.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
        });
        const json = JSON.parse(exportQuotesJson(doc)) as QuotesJson;
        const text = exportPlainText(doc);
        json.quotes.forEach((quote, i) => {
          expect(quote.text).toBe(model.quotes[i]!.text);
          expect(quote.speaker).toBe(model.quotes[i]!.speaker ? speakerName(model.quotes[i]!.speaker!) : null);
          for (const segment of quote.segments) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('Word documents are well-formed and hold the text and names as text', async () => {
    await fc.assert(
      fc.asyncProperty(article, async ({ doc }) => {
        const files = unzip(await exportDocx(doc, { speakers: 'both' }));
        const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
        const document = parseXml(new TextDecoder().decode(files.get('word/document.xml')));
        const comments = files.has('word/comments.xml') ? parseXml(new TextDecoder().decode(files.get('word/comments.xml'))) : null;
        const model = articleModel(doc);
        const paragraphs = [...(document.getElementsByTagNameNS(W, 'p') as unknown as Element[])].filter((p) => (p.parentNode as Element).localName === 'body');
        model.blocks.forEach((block, i) => {
          const runs = [...(paragraphs[i]!.getElementsByTagNameNS(W, 'r') as unknown as Element[])];
          const text = runs.map((r) => [...(r.childNodes as unknown as Element[])].map((c) => (c.localName === 't' ? c.textContent : c.localName === 'br' ? '\n' : '')).join('')).join('');
          expect(text).toBe(xmlSafe(block.text).replace(/\r\n?/g, '\n'));
        });
        if (comments) {
          const names = [...(comments.getElementsByTagNameNS(W, 'comment') as unknown as Element[])].map((c) => c.textContent ?? '');
          const segments = model.quotes.flatMap((q) => q.segments.map(() => q));
          expect(names).toHaveLength(segments.length);
          names.forEach((name, i) => {
            const speaker = segments[i]!.speaker;
            if (speaker) expect(name.startsWith(xmlSafe(speakerName(speaker)).replace(/\r\n?/g, '\n'))).toBe(true);
          });
        }
      }),
      { numRuns: 25 },
    );
  });
});

/** The text of a TEI block as a reader takes it: corrections, fills, breaks; not the original. */
function readTei(node: Element, eol: string): string {
  let text = '';
  for (const child of [...(node.childNodes as unknown as Element[])]) {
    if (child.nodeType === 3) text += child.nodeValue;
    else if (child.nodeType !== 1) continue;
    else if (child.localName === 'sic') continue;
    else if (child.localName === 'lb') text += eol;
    else if (child.localName === 'gap') text += '__';
    else text += readTei(child, eol);
  }
  return text;
}

/** What a block reads as in XML: characters XML cannot carry replaced (gaps as plain `__`). */
function expectedXmlText(block: ModelBlock): string {
  return block.runs.map((run) => (run.kind === 'gap' && run.fill === '' ? '__' : xmlSafe(run.text))).join('');
}

/** The lines of a paragraph as the Markdown export writes them (before escaping). */
function markdownLines(block: ModelBlock): string[] {
  const lines = [''];
  for (const run of block.runs) {
    if (run.kind === 'break') lines.push('');
    else lines[lines.length - 1] += run.text.replace(/\r?\n/g, ' ');
  }
  if (lines.every((l) => l.trim() === '')) return [];
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
  return lines;
}

/** Undoes the Markdown export's escaping (and drops its footnote references). */
function unescapeMarkdown(md: string): string {
  let out = '';
  for (let i = 0; i < md.length; i++) {
    const c = md[i]!;
    if (c === '\\' && md[i + 1] === '\n') {
      out += '\n';
      i++;
    } else if (c === '\\') {
      out += md[i + 1];
      i++;
    } else if (c === '&') {
      const entity = /^&(lt|amp|#32|#9);/.exec(md.slice(i));
      if (entity) {
        out += { lt: '<', amp: '&', '#32': ' ', '#9': '\t' }[entity[1]!];
        i += entity[0].length - 1;
      } else {
        // A bare & is only written where it cannot start an entity.
        expect(/^&#?[A-Za-z0-9]+;/.test(md.slice(i))).toBe(false);
        out += c;
      }
    } else if (c === '[' && /^\[\^\d+\]/.test(md.slice(i))) {
      i += /^\[\^\d+\]/.exec(md.slice(i))![0].length - 1;
    } else {
      if (c === '<') throw new Error('raw <');
      out += c;
    }
  }
  return out;
}
