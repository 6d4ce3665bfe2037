import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readArticleFile } from '../../../src/storage/import-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readArticleFile', () => {
  it('reads a UTF-8 text article exactly', () => {
    const text = 'Title\n\n“Quote,” he said — 😀 __ gap.\n';
    expect(readArticleFile('a.txt', utf8(text))).toEqual({ ok: true, kind: 'text', text, title: null });
  });

  it('takes the title of a Markdown article from its heading', () => {
    expect(readArticleFile('a.md', utf8('# The title\n\nBody.'))).toEqual({ ok: true, kind: 'text', text: 'The title\n\nBody.', title: 'The title' });
  });

  it('passes .json files on as projects', () => {
    expect(readArticleFile('p.json', utf8('{"format":"galley-project"}'))).toMatchObject({ ok: true, kind: 'project' });
  });

  it.each([
    ['empty.txt', new Uint8Array(), /is empty/],
    ['blank.txt', utf8('  \n\n '), /has no text/],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), /not a UTF-8 text file/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not a text file|not a UTF-8/],
    ['big.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), /too large/],
    ['photo.png', utf8('hello'), /not a file Galley opens/],
  ])('refuses %s with a clear message', (name, bytes, message) => {
    const result = readArticleFile(name, bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('reads back any non-blank UTF-8 text without control characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (text) => {
        // eslint-disable-next-line no-control-regex -- control characters are exactly what this excludes
        fc.pre(text.trim() !== '' && !/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text) && !text.startsWith('\uFEFF'));
        const result = readArticleFile('x.txt', utf8(text));
        expect(result).toEqual({ ok: true, kind: 'text', text, title: null });
      }),
    );
  });
});
