import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToText } from '../../../src/editor/serialize.ts';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { withoutLeadingBlankLines } from '../../../src/state/articles-slice.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { MemoryStorage } from '../../helpers/memory-storage.ts';

const store = () => createWorkspaceStore(new WorkspaceStorage({ storage: new MemoryStorage(), prefix: 'test' }));
const blankLine = fc.stringMatching(/^[ \t\u00a0]{0,3}\r?\n$/);
const headline = fc.stringMatching(/^[A-Z][A-Za-z ]{0,20}[a-z]$/);

describe('an article opened from text that starts with blank lines', () => {
  it('has its first line of text as headline and name, and keeps everything after it', () => {
    fc.assert(
      fc.property(fc.array(blankLine, { maxLength: 4 }), headline, fc.stringMatching(/^[a-z .,]{0,40}$/), (blanks, title, body) => {
        const s = store();
        const rest = `${title}\n\n${body}`;
        const id = s.getState().addArticle(blanks.join('') + rest);
        const article = s.getState().articles[id]!;
        expect(article.doc.firstChild!.textContent).toBe(title);
        expect(article.title).toBe(title.trim());
        expect(docToText(article.doc)).toBe(rest);
        expect(article.originalText).toBe(rest);
      }),
    );
  });

  it('keeps text that starts with its headline as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^[ \t\u00a0\u3000]*\r?\n/u.test(text));
        expect(withoutLeadingBlankLines(text)).toBe(text);
      }),
    );
    expect(withoutLeadingBlankLines('  Indented headline\n\nBody')).toBe('  Indented headline\n\nBody');
  });
});
