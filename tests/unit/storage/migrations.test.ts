import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToText } from '../../../src/editor/serialize.ts';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { DEFAULT_SETTINGS, FORMAT_VERSION, MIGRATIONS, migrateRaw } from '../../../src/storage/format.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { textToDoc } from '../../../src/editor/parse.ts';
import { ManualClock, MemoryStorage } from '../../helpers/memory-storage.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');
const frozen = (version: number) => JSON.parse(readFileSync(new URL(`../../../fixtures/saves/format-${version}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const frozenV1 = frozen(1);
const frozenV2 = frozen(2);

function load(keys: Record<string, string>) {
  const area = new MemoryStorage();
  for (const [key, value] of Object.entries(keys)) area.setItem(key, value);
  const storage = new WorkspaceStorage({ storage: area, clock: new ManualClock() });
  return { area, storage, store: createWorkspaceStore(storage) };
}

describe('a workspace saved in format 1', () => {
  it('opens with its article, edits, fills and ignored problems, and the default settings', () => {
    const { store } = load(frozenV1);
    expect(store.getState().loadProblems).toEqual([]);
    const article = store.getState().articles.ARTICLE_ID!;
    const text = docToText(article.doc);
    expect(text).toContain('Many foreigners');
    expect(text).toContain('filled with tens of thousands');
    expect(article.originalText).toBe(sample);
    expect(article.settings.ignoredProblems).toEqual(['x']);
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('is written back in the current format on the next save', () => {
    const { area, storage, store } = load(frozenV1);
    store.getState().setRuleEnabled('OxfordComma', true);
    storage.flush();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    expect(index.version).toBe(FORMAT_VERSION);
    expect(index.settings.disabledRules).toEqual([]);
  });
});

describe('a workspace saved in format 2', () => {
  it('opens with both articles, their edits, originals, settings and the current article', () => {
    const { store } = load(frozenV2);
    const state = store.getState();
    expect(state.loadProblems).toEqual([]);
    expect(state.order).toEqual(['ARTICLE_A', 'ARTICLE_B']);
    expect(state.currentId).toBe('ARTICLE_B');
    const a = state.articles.ARTICLE_A!;
    expect(docToText(a.doc)).toBe(sample.replace('Countless', 'Many'));
    expect(a.originalText).toBe(sample);
    expect(a.selection).toEqual({ anchor: 5, head: 5 });
    expect(a.settings).toEqual({ ignoredProblems: ['x'], dictionary: ['Frantskevich'] });
    expect(state.articles.ARTICLE_B!.originalText).toContain('It said __ things.');
    expect(state.settings.disabledRules).toEqual([]);
  });

  it('is written back in format 3: each original under its own key, none in the index', () => {
    const { area, storage, store } = load(frozenV2);
    store.getState().renameArticle('ARTICLE_A', 'Renamed');
    storage.flush();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    expect(index.version).toBe(FORMAT_VERSION);
    expect(FORMAT_VERSION).toBe(3);
    for (const entry of Object.values(index.articles) as Record<string, unknown>[]) expect(entry).not.toHaveProperty('originalText');
    expect(area.getItem('galley:original:ARTICLE_A')).toBe(sample);
    // And it reads back the same.
    const again = load(Object.fromEntries(area.map)).store.getState();
    expect(again.loadProblems).toEqual([]);
    expect(again.articles.ARTICLE_A!.originalText).toBe(sample);
    expect(again.articles.ARTICLE_A!.title).toBe('Renamed');
    expect(docToText(again.articles.ARTICLE_A!.doc)).toBe(sample.replace('Countless', 'Many'));
  });

  it('stays readable when the upgrade is cut short by a full storage', () => {
    const { area, storage, store } = load(frozenV2);
    const before = area.getItem('galley:workspace');
    area.limit = [...area.map].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10; // room for nothing more
    store.getState().renameArticle('ARTICLE_A', 'Renamed');
    expect(() => storage.flush()).toThrow();
    expect(area.getItem('galley:workspace')).toBe(before);
    const again = load(Object.fromEntries(area.map)).store.getState();
    expect(again.loadProblems).toEqual([]);
    expect(again.articles.ARTICLE_A!.originalText).toBe(sample);
  });
});

/** A format-2 workspace after its first save in format 3. */
function upgraded() {
  const loaded = load(frozenV2);
  loaded.store.getState().renameArticle('ARTICLE_B', 'Second');
  loaded.storage.flush();
  return loaded;
}

describe('format 3', () => {
  it('a save while typing rewrites the document and the small index, never the originals', () => {
    const { area, storage, store } = upgraded();
    const writes: string[] = [];
    const setItem = area.setItem.bind(area);
    area.setItem = (key: string, value: string) => {
      writes.push(key);
      setItem(key, value);
    };
    store.getState().updateDocument('ARTICLE_A', textToDoc(sample.replace('Countless', 'So many')), { anchor: 9, head: 9 }, true);
    storage.flush();
    expect(writes.sort()).toEqual(['galley:doc:ARTICLE_A', 'galley:workspace']);
    expect(area.getItem('galley:workspace')!.length).toBeLessThan(1000);
  });

  it('deleting an article removes its original too', () => {
    const { area, storage, store } = upgraded();
    expect(area.getItem('galley:original:ARTICLE_B')).not.toBeNull();
    store.getState().deleteArticle('ARTICLE_B');
    storage.flush();
    expect(area.getItem('galley:original:ARTICLE_B')).toBeNull();
    expect(area.getItem('galley:doc:ARTICLE_B')).toBeNull();
  });

  it('an article whose original is lost keeps its edits, and says so', () => {
    const { area } = upgraded();
    area.removeItem('galley:original:ARTICLE_A');
    const state = load(Object.fromEntries(area.map)).store.getState();
    expect(docToText(state.articles.ARTICLE_A!.doc)).toBe(sample.replace('Countless', 'Many'));
    expect(state.articles.ARTICLE_A!.originalText).toBe(sample.replace('Countless', 'Many'));
    expect(state.loadProblems.map((p) => p.message).join(' ')).toMatch(/original text of .* could not be read/);
    expect(state.articles.ARTICLE_B!.originalText).toContain('It said __ things.');
  });

  it('moves every original out of any format-2 index, keeping the other fields (property)', () => {
    const entry = fc.record({ id: fc.string(), title: fc.string(), originalText: fc.string(), createdAt: fc.integer(), extra: fc.jsonValue() });
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((k) => k !== '__proto__'), entry), (articles) => {
        const out = migrateRaw({ index: { version: 2, articles }, docs: {}, originals: {} }, 2);
        for (const [id, value] of Object.entries(articles)) {
          const { originalText, ...rest } = value;
          expect(out.originals[id]).toBe(originalText);
          expect((out.index.articles as Record<string, unknown>)[id]).toEqual(rest);
        }
        expect(out.index.version).toBe(3);
      }),
    );
  });
});

describe('the migration chain', () => {
  it('covers every version from 1 to the current one', () => {
    for (let v = 1; v < FORMAT_VERSION; v++) expect(MIGRATIONS.some((m) => m.from === v)).toBe(true);
  });

  it('keeps every other field of any format-1 index (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((k) => k !== 'settings' && k !== 'version' && k !== '__proto__'), fc.jsonValue()), (extra) => {
        const out = migrateRaw({ index: { ...extra, version: 1 }, docs: {}, originals: {} }, 1);
        for (const [key, value] of Object.entries(extra)) expect(out.index[key]).toEqual(value);
        expect(out.index.settings).toEqual(DEFAULT_SETTINGS);
        expect(out.index.version).toBe(FORMAT_VERSION);
      }),
    );
  });
});
