/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt project JSON freely */
import { describe, expect, it } from 'vitest';
import { exportPlainText } from '../../../src/export/text.ts';
import { exportProject, importProject, PROJECT_LIMITS } from '../../../src/export/project.ts';
import { sampleArticle, SAMPLE_TEXT } from '../../helpers/sample-doc.ts';

function mutate(change: (data: Record<string, any>) => void): string {
  const data = JSON.parse(exportProject(sampleArticle())) as Record<string, any>;
  change(data);
  return JSON.stringify(data);
}

function refused(text: string): string {
  const result = importProject(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

describe('project files', () => {
  it('hold everything about the article and read back to the same file', () => {
    const article = sampleArticle();
    const text = exportProject(article);
    const data = JSON.parse(text);
    expect(data.format).toBe('galley-project');
    expect(data.version).toBe(1);
    expect(data.article.originalText).toBe(SAMPLE_TEXT);
    expect(data.article.correctedText).toBe(exportPlainText(article.doc));
    expect(data.article.settings).toEqual(article.settings);
    expect(data.article.doc.attrs.speakers.map((s: { id: string }) => s.id)).toEqual(['belarusian-fighter', 'oleksiy-frantzkevych']);
    const result = importProject(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.doc.eq(article.doc)).toBe(true);
    expect(result.article.createdAt).toBe(article.createdAt);
    expect(exportProject(result.article)).toBe(text);
  });

  it('leaves out timestamps the article does not have', () => {
    const { createdAt: _c, updatedAt: _u, ...rest } = sampleArticle();
    const text = exportProject(rest);
    expect(text).not.toContain('createdAt');
    const result = importProject(text);
    expect(result.ok && result.article.createdAt === undefined && exportProject(result.article) === text).toBe(true);
  });

  it('refuses what is not a project, with a clear message', () => {
    expect(refused('not json')).toMatch(/not valid JSON/);
    expect(refused('[]')).toMatch(/format marker/);
    expect(refused('{"format":"something-else"}')).toMatch(/format marker/);
    expect(refused(mutate((d) => (d.version = 2)))).toMatch(/newer version of Galley/);
    expect(refused(mutate((d) => (d.version = '1')))).toMatch(/version/);
    expect(refused(mutate((d) => (d.extra = true)))).toMatch(/“extra”/);
    expect(refused(mutate((d) => delete d.article))).toMatch(/no article/);
  });

  it('validates every field strictly', () => {
    expect(refused(mutate((d) => (d.article.originalText = 42)))).toMatch(/original text/);
    expect(refused(mutate((d) => (d.article.title = '')))).toMatch(/title/);
    expect(refused(mutate((d) => (d.article.settings.dictionary = ['ok', 3])))).toMatch(/dictionary/);
    expect(refused(mutate((d) => (d.article.settings.ignoredProblems = 'x')))).toMatch(/ignored problems/);
    expect(refused(mutate((d) => (d.article.settings.more = [])))).toMatch(/settings/);
    expect(refused(mutate((d) => (d.article.createdAt = 'yesterday')))).toMatch(/creation date/);
    expect(refused(mutate((d) => (d.article.correctedText = 'edited by hand')))).toMatch(/does not match/);
    expect(refused(mutate((d) => (d.article.doc = { type: 'paragraph' })))).toMatch(/document/);
    expect(refused(mutate((d) => (d.article.doc.content[1].type = 'heading')))).toMatch(/damaged/);
    expect(refused(mutate((d) => (d.article.doc.attrs.eol = '\r')))).toMatch(/damaged/);
    expect(refused(mutate((d) => (d.article.doc.attrs.speakers[0].id = d.article.doc.attrs.speakers[1].id)))).toMatch(/damaged/);
    expect(refused(mutate((d) => (d.article.doc.attrs.speakers[0].role = 'x')))).toMatch(/speaker/);
    expect(refused(mutate((d) => (d.article.doc.attrs.unknown = 1)))).toMatch(/does not understand/);
    expect(refused(mutate((d) => delete d.article.doc.attrs.trailing))).toMatch(/does not understand/);
    const quoted = (d: Record<string, any>) => d.article.doc.content[3].content.find((n: any) => n.marks);
    expect(refused(mutate((d) => (quoted(d).marks[0].attrs.confidence = 7)))).toMatch(/damaged/);
    expect(refused(mutate((d) => (quoted(d).marks[0].attrs.confirmed = 'yes')))).toMatch(/damaged/);
  });

  it('enforces size limits and never throws', () => {
    expect(refused(' '.repeat(PROJECT_LIMITS.fileChars + 1))).toMatch(/too large/);
    expect(refused(mutate((d) => (d.article.settings.dictionary = Array(PROJECT_LIMITS.listEntries + 1).fill('w'))))).toMatch(/too many/);
    const deep = '{"format":"galley-project","version":1,"article":{"title":"t","originalText":"","settings":{"ignoredProblems":[],"dictionary":[]},"doc":' + '{"type":"doc","content":['.repeat(5000) + ']}'.repeat(5000) + '}}';
    expect(importProject(deep).ok).toBe(false);
    for (const junk of ['', 'null', '0', '"x"', '{"format":"galley-project","version":1,"article":null}', '{"format":"galley-project","version":1,"article":{"doc":null}}']) {
      expect(importProject(junk).ok).toBe(false);
    }
  });
});
