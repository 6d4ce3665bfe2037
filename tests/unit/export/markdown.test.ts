import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, exportMarkdown } from '../../../src/export/markdown.ts';
import { BELARUSIAN_FIGHTER, buildArticle, sampleDoc } from '../../helpers/sample-doc.ts';

describe('exportMarkdown', () => {
  it('writes the title as a heading, the paragraphs, and a footnote per quote naming its speaker', () => {
    const md = exportMarkdown(sampleDoc());
    expect(md.startsWith('# The Belarusian Soldiers Are Fighting For Ukraine\n\nCountless foreigners')).toBe(true);
    expect(md).toContain('“After the victory of Ukraine, our struggle will only begin,”[^1] a Belarusian fighter');
    expect(md).toContain('filled with tens of thousands');
    expect(md).toContain('[^8]: Oleksiy Frantzkevych\n');
    expect(md.match(/^\[\^\d+\]: /gm)).toHaveLength(12);
  });

  it('can leave the speakers out', () => {
    const md = exportMarkdown(sampleDoc(), { speakers: 'none' });
    expect(md).not.toContain('[^');
  });

  it('marks suggested and missing speakers', () => {
    const doc = buildArticle('T\n\n“A,” x said. “B.”', {
      speakers: [BELARUSIAN_FIGHTER],
      quotes: [{ speaker: BELARUSIAN_FIGHTER.id, confirmed: false, confidence: 0.6 }, { speaker: null }],
    });
    expect(exportMarkdown(doc)).toBe('# T\n\n“A,”[^1] x said. “B.”[^2]\n\n[^1]: Belarusian fighter (suggested, not confirmed)\n[^2]: Speaker not identified.\n');
  });

  it('escapes markup so the text renders literally', () => {
    expect(escapeMarkdownInline('a *b* _c_ [d](e) `f` <script> &amp; | ~ \\')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` &lt;script> &amp;amp; \\| \\~ \\\\');
    const doc = buildArticle('# Not a heading\n\n> not a quote\n- not a list\n1. not a list either\n    not code\n\n=====');
    expect(exportMarkdown(doc)).toBe(
      '# \\# Not a heading\n\n\\> not a quote\\\n\\- not a list\\\n1\\. not a list either\\\n&#32;&#32;&#32;&#32;not code\n\n\\=====\n',
    );
  });

  it('writes empty gaps as escaped underscores', () => {
    expect(exportMarkdown(buildArticle('T\n\nA __ gap.'))).toBe('# T\n\nA \\_\\_ gap.\n');
  });
});
