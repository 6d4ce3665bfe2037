import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToText } from '../../../src/editor/serialize.ts';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { DEFAULT_SETTINGS, FORMAT_VERSION, MIGRATIONS, migrateRaw } from '../../../src/storage/format.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { ManualClock, MemoryStorage } from '../../helpers/memory-storage.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');
const frozenV1 = JSON.parse(readFileSync(new URL('../../../fixtures/saves/format-1.json', import.meta.url), 'utf8')) as Record<string, string>;

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

describe('the migration chain', () => {
  it('covers every version from 1 to the current one', () => {
    for (let v = 1; v < FORMAT_VERSION; v++) expect(MIGRATIONS.some((m) => m.from === v)).toBe(true);
  });

  it('keeps every other field of any format-1 index (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((k) => k !== 'settings' && k !== 'version' && k !== '__proto__'), fc.jsonValue()), (extra) => {
        const out = migrateRaw({ index: { ...extra, version: 1 }, docs: {} }, 1);
        for (const [key, value] of Object.entries(extra)) expect(out.index[key]).toEqual(value);
        expect(out.index.settings).toEqual(DEFAULT_SETTINGS);
        expect(out.index.version).toBe(FORMAT_VERSION);
      }),
    );
  });
});
