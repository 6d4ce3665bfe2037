import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, exportFormat } from '../../../src/export/formats.ts';
import { importProject } from '../../../src/export/project.ts';
import { exportPlainText } from '../../../src/export/text.ts';
import { sampleArticle } from '../../helpers/sample-doc.ts';

describe('the export formats registry', () => {
  it('lists every format once, with a label naming its extension', () => {
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['txt', 'md', 'html', 'docx', 'quotes-json', 'quotes-csv', 'webannotation', 'tei', 'changes', 'project']);
    for (const format of EXPORT_FORMATS) {
      const last = format.extension.split('.').pop();
      expect(format.label).toContain(`.${last})`);
      expect(format.mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(exportFormat(format.id)).toBe(format);
    }
    expect(exportFormat('md').label).toBe('Markdown (.md)');
  });

  it('builds every format from an article record', async () => {
    const article = sampleArticle();
    for (const format of EXPORT_FORMATS) {
      const content = await format.build(article);
      expect(typeof content === 'string').toBe(!format.binary);
      if (format.binary) expect(content).toBeInstanceOf(Uint8Array);
      else expect((content as string).length).toBeGreaterThan(100);
    }
    expect(await exportFormat('txt').build(article)).toBe(exportPlainText(article.doc));
    const project = importProject((await exportFormat('project').build(article)) as string);
    expect(project.ok && project.article.settings).toEqual(article.settings);
    expect(exportFileName(article, exportFormat('tei'))).toBe('the-belarusian-soldiers-are-fighting-for-ukraine.tei.xml');
  });
});
