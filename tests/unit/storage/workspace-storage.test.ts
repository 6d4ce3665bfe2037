import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../../../src/editor/parse.ts';
import { docToText } from '../../../src/editor/serialize.ts';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { FORMAT_VERSION, migrateRaw, SavedDataError, type Migration } from '../../../src/storage/format.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { Debounced } from '../../../src/storage/debounce.ts';
import { ManualClock, MemoryStorage } from '../../helpers/memory-storage.ts';

const sample = readFileSync(new URL('../../../fixtures/article.txt', import.meta.url), 'utf8');

function open(area: MemoryStorage, clock = new ManualClock()) {
  const storage = new WorkspaceStorage({ storage: area, clock });
  const store = createWorkspaceStore(storage);
  return { storage, store, clock };
}

function edit(store: ReturnType<typeof open>['store'], id: string, text: string) {
  store.getState().updateDocument(id, textToDoc(text), { anchor: 3, head: 3 }, true);
}

describe('saving and loading the workspace', () => {
  it('restores articles, documents and the cursor after a reload', () => {
    const area = new MemoryStorage();
    const first = open(area);
    const id = first.store.getState().addArticle(sample);
    edit(first.store, id, sample.replace('Countless', 'Many'));
    first.storage.flush();
    const second = open(area);
    const article = second.store.getState().articles[id]!;
    expect(docToText(article.doc)).toBe(sample.replace('Countless', 'Many'));
    expect(article.originalText).toBe(sample);
    expect(article.selection).toEqual({ anchor: 3, head: 3 });
    expect(second.store.getState().currentId).toBe(id);
    expect(second.store.getState().loadProblems).toEqual([]);
  });

  it('writes nothing on a keystroke, then once about a second after the last change', () => {
    const area = new MemoryStorage();
    const { store, clock } = open(area);
    const id = store.getState().addArticle(sample);
    clock.advance(2000);
    const writes = area.writes;
    for (let i = 0; i < 5; i++) {
      edit(store, id, `${sample}${i}`);
      clock.advance(300);
    }
    expect(area.writes).toBe(writes);
    clock.advance(1000);
    expect(area.writes).toBe(writes + 2); // the document key and the index
  });

  it('saves at least every ten seconds while typing continues', () => {
    const area = new MemoryStorage();
    const { store, clock } = open(area);
    const id = store.getState().addArticle(sample);
    clock.advance(2000);
    const writes = area.writes;
    for (let i = 0; i < 40; i++) {
      edit(store, id, `${sample}${i}`);
      clock.advance(300);
    }
    expect(area.writes).toBeGreaterThan(writes);
  });

  it('rewrites only the article that changed', () => {
    const area = new MemoryStorage();
    const { store, storage } = open(area);
    const a = store.getState().addArticle('A\n\nfirst');
    store.getState().addArticle('B\n\nsecond');
    storage.flush();
    const before = new Map(area.map);
    edit(store, a, 'A\n\nfirst, edited');
    storage.flush();
    const changed = [...area.map.keys()].filter((key) => area.map.get(key) !== before.get(key));
    expect(changed.sort()).toEqual([`galley:doc:${a}`, 'galley:workspace'].sort());
  });

  it('ignores UI-only store changes', () => {
    const area = new MemoryStorage();
    const { store, storage } = open(area);
    store.getState().addArticle(sample);
    storage.flush();
    const writes = area.writes;
    store.getState().notify('info', 'hello');
    storage.flush();
    expect(area.writes).toBe(writes);
  });
});

describe('damaged or foreign saved data', () => {
  function seeded() {
    const area = new MemoryStorage();
    const { store, storage } = open(area);
    const id = store.getState().addArticle(sample);
    edit(store, id, sample.replace('Countless', 'Many'));
    storage.flush();
    return { area, id };
  }

  it('reports invalid JSON, backs it up, and starts', () => {
    const area = new MemoryStorage();
    area.setItem('galley:workspace', '{"version":1,"articles":{');
    const { store } = open(area);
    const [problem] = store.getState().loadProblems;
    expect(problem?.message).toMatch(/damaged/);
    expect(problem?.backupKey && area.getItem(problem.backupKey)).toBe('{"version":1,"articles":{');
    expect(JSON.parse(problem!.raw)).toEqual({ 'galley:workspace': '{"version":1,"articles":{' });
    expect(store.getState().order).toEqual([]);
  });

  it('recovers the articles from their own keys when the index is cut short, and the backup holds everything', () => {
    const { area, id } = seeded();
    const other = (() => {
      const { store, storage } = open(area);
      const otherId = store.getState().addArticle('Second article\n\nHello “world,” he said.');
      edit(store, otherId, 'Second article\n\nHello “world,” he said. MY-EDIT-42');
      store.getState().renameArticle(otherId, 'My own name');
      storage.flush();
      return otherId;
    })();
    const stored = Object.fromEntries(area.map);
    const index = area.getItem('galley:workspace')!;
    area.setItem('galley:workspace', index.slice(0, index.length - 5));
    const { store, storage } = open(area);
    const state = store.getState();
    expect(state.order.sort()).toEqual([id, other].sort());
    expect(docToText(state.articles[id]!.doc)).toBe(sample.replace('Countless', 'Many'));
    expect(state.articles[id]!.originalText).toBe(sample);
    expect(docToText(state.articles[other]!.doc)).toContain('MY-EDIT-42');
    expect(state.articles[other]!.title).toBe('My own name');
    const [problem] = state.loadProblems;
    expect(problem?.message).toMatch(/2 article\(s\) were recovered/);
    expect(JSON.parse(problem!.raw)).toEqual({ ...stored, 'galley:workspace': index.slice(0, index.length - 5) });
    // The next save writes a readable index naming both; nothing is left unreachable.
    store.getState().setCurrent(other);
    storage.flush();
    const again = open(area).store.getState();
    expect(again.loadProblems).toEqual([]);
    expect(again.order.sort()).toEqual([id, other].sort());
  });

  it('puts back an article whose keys are stored but which the index does not name', () => {
    const { area, id } = seeded();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    const before = JSON.stringify(index);
    area.setItem('galley:doc:orphan', area.getItem(`galley:doc:${id}`)!);
    area.setItem('galley:original:orphan', sample);
    const { store } = open(area);
    expect(area.getItem('galley:workspace')).toBe(before);
    expect(store.getState().order).toEqual([id, 'orphan']);
    expect(store.getState().loadProblems[0]?.message).toMatch(/put back/);
  });

  it('recovers every readable article whatever is left of the index (property)', () => {
    const { area, id } = seeded();
    const index = area.getItem('galley:workspace')!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: index.length - 1 }), fc.string({ maxLength: 3 }), (cut, junk) => {
        const copy = new MemoryStorage();
        for (const [key, value] of area.map) copy.setItem(key, value);
        copy.setItem('galley:workspace', index.slice(0, cut) + junk);
        const { store } = open(copy);
        const article = store.getState().articles[id];
        expect(article && docToText(article.doc)).toBe(sample.replace('Countless', 'Many'));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses data from a newer version and keeps it', () => {
    const { area } = seeded();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    index.version = FORMAT_VERSION + 1;
    area.setItem('galley:workspace', JSON.stringify(index));
    const { store } = open(area);
    const [problem] = store.getState().loadProblems;
    expect(problem?.message).toMatch(/newer version/);
    expect(JSON.parse(problem!.raw).index.version).toBe(FORMAT_VERSION + 1);
    expect(area.getItem(problem!.backupKey!)).toBe(problem!.raw);
  });

  it('keeps one backup of the same data however often it is opened', () => {
    const { area } = seeded();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    index.version = FORMAT_VERSION + 1;
    area.setItem('galley:workspace', JSON.stringify(index));
    const backups = () => [...area.map.keys()].filter((key) => key.startsWith('galley:backup:'));
    const first = open(area).store.getState().loadProblems[0]!.backupKey;
    for (let i = 0; i < 3; i++) expect(open(area).store.getState().loadProblems[0]!.backupKey).toBe(first);
    expect(backups()).toEqual([first]);
    // Other data is kept as well, in a backup of its own.
    index.articles = {};
    area.setItem('galley:workspace', JSON.stringify(index));
    expect(open(area).store.getState().loadProblems[0]!.backupKey).not.toBe(first);
    expect(backups()).toHaveLength(2);
  });

  it('never writes over data from a newer version, whatever is edited, and says nothing is saved', () => {
    const { area, id } = seeded();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    index.version = FORMAT_VERSION + 1;
    area.setItem('galley:workspace', JSON.stringify(index));
    const before = new Map([...area.map].filter(([key]) => !key.startsWith('galley:backup:')));
    const { store, storage, clock } = open(area);
    const fresh = store.getState().addArticle(sample);
    edit(store, fresh, `${sample} edited`);
    store.getState().setRuleEnabled('OxfordComma', true);
    clock.advance(20_000);
    storage.flush();
    const after = new Map([...area.map].filter(([key]) => !key.startsWith('galley:backup:')));
    expect(after).toEqual(before);
    expect(area.getItem(`galley:doc:${id}`)).toBe(before.get(`galley:doc:${id}`));
    const status = store.getState().saveStatus;
    expect(status.state).toBe('off');
    expect(store.getState().loadProblems[0]?.message).toMatch(/left unchanged/);
  });

  it('reopens an article from its original when its document fails the schema', () => {
    const { area, id } = seeded();
    const saved = JSON.parse(area.getItem(`galley:doc:${id}`)!);
    saved.doc.content[1].content[0] = { type: 'gap', attrs: { id: '', fill: 5 } };
    area.setItem(`galley:doc:${id}`, JSON.stringify(saved));
    const { store } = open(area);
    expect(store.getState().loadProblems[0]?.message).toMatch(/could not be read/);
    expect(docToText(store.getState().articles[id]!.doc)).toBe(sample);
  });

  it('drops articles with wrong-typed fields and keeps the rest', () => {
    const { area, id } = seeded();
    const index = JSON.parse(area.getItem('galley:workspace')!);
    index.articles.bogus = { id: 'bogus', originalText: 42 };
    index.order.push('bogus', 'dangling');
    area.setItem('galley:workspace', JSON.stringify(index));
    const { store } = open(area);
    expect(store.getState().order).toEqual([id]);
    expect(store.getState().loadProblems[0]?.message).toMatch(/left out/);
  });

  it('never throws on arbitrary stored strings (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const area = new MemoryStorage();
        area.setItem('galley:workspace', raw);
        area.setItem('galley:doc:x', raw);
        const { store } = open(area);
        expect(Array.isArray(store.getState().order)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('storage full', () => {
  it('reports a full storage, keeps the work in memory, and saves once space is freed', () => {
    const area = new MemoryStorage();
    const { store, storage } = open(area);
    const id = store.getState().addArticle(sample);
    storage.flush();
    area.limit = area.map.size === 0 ? 0 : [...area.map].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
    edit(store, id, sample + ' and much more text that no longer fits');
    expect(() => storage.flush()).toThrow();
    const status = store.getState().saveStatus;
    expect(status.state === 'error' && status.quota).toBe(true);
    expect(docToText(store.getState().articles[id]!.doc)).toContain('no longer fits');
    area.limit = Infinity;
    edit(store, id, sample + ' saved at last');
    storage.flush();
    expect(store.getState().saveStatus.state).toBe('saved');
    expect(open(area).store.getState().articles[id] && docToText(open(area).store.getState().articles[id]!.doc)).toContain('saved at last');
  });
});

describe('storage full, then an article deleted to free space', () => {
  it('removes the deleted article before writing, so the edit made while full is saved', () => {
    const area = new MemoryStorage();
    const { store, storage } = open(area);
    const big = store.getState().addArticle(`Long article\n\n${'Many words in a long text. '.repeat(4000)}`);
    const id = store.getState().addArticle(sample);
    storage.flush();
    area.limit = [...area.map].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
    edit(store, id, `${sample} IMPORTANT EDIT`);
    expect(() => storage.flush()).toThrow();
    store.getState().deleteArticle(big);
    storage.flush();
    expect(store.getState().saveStatus.state).toBe('saved');
    expect(area.getItem(`galley:doc:${big}`)).toBeNull();
    expect(area.getItem(`galley:original:${big}`)).toBeNull();
    const reopened = open(area).store.getState();
    expect(reopened.loadProblems).toEqual([]);
    expect(reopened.order).toEqual([id]);
    expect(docToText(reopened.articles[id]!.doc)).toContain('IMPORTANT EDIT');
  });

  it('never leaves the index naming a deleted article whose keys are gone, even if the rest of the save fails', () => {
    const area = new MemoryStorage();
    const { store, storage } = open(area);
    const big = store.getState().addArticle(`Long article\n\n${'Many words. '.repeat(2000)}`);
    const id = store.getState().addArticle(sample);
    storage.flush();
    area.limit = [...area.map].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
    store.getState().deleteArticle(big);
    // An edit far too large even for the freed space.
    edit(store, id, `${sample}${'x'.repeat(200_000)}`);
    expect(() => storage.flush()).toThrow();
    expect(area.getItem(`galley:doc:${big}`)).toBeNull();
    const reopened = open(area).store.getState();
    expect(reopened.loadProblems).toEqual([]);
    expect(reopened.order).toEqual([id]);
    expect(docToText(reopened.articles[id]!.doc)).toBe(sample);
  });
});

describe('migrations', () => {
  const raw = (version: number) => ({ index: { version, note: 'v' + version } as Record<string, unknown>, docs: {}, originals: {} });

  it('runs each numbered migration in order', () => {
    const migrations: Migration[] = [
      { from: 1, migrate: (r) => ({ ...r, index: { ...r.index, note: `${String(r.index.note)}>2` } }) },
      { from: 2, migrate: (r) => ({ ...r, index: { ...r.index, note: `${String(r.index.note)}>3` } }) },
    ];
    expect(migrateRaw(raw(1), 1, migrations, 3).index).toEqual({ version: 3, note: 'v1>2>3' });
    expect(migrateRaw(raw(2), 2, migrations, 3).index).toEqual({ version: 3, note: 'v2>3' });
  });

  it('refuses newer, negative, non-numeric versions and gaps in the chain', () => {
    expect(() => migrateRaw(raw(9), 9, [], 3)).toThrow(SavedDataError);
    expect(() => migrateRaw(raw(1), -1, [], 3)).toThrow(SavedDataError);
    expect(() => migrateRaw(raw(1), Number.NaN, [], 3)).toThrow(SavedDataError);
    expect(() => migrateRaw(raw(1), 1, [], 3)).toThrow(/No migration/);
  });

  it('migrates any version up to the current one (property)', () => {
    const migrations: Migration[] = Array.from({ length: 5 }, (_, i) => ({ from: i, migrate: (r) => ({ ...r, index: { ...r.index, steps: Number(r.index.steps ?? 0) + 1 } }) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), (from) => {
        const out = migrateRaw({ index: {}, docs: {}, originals: {} }, from, migrations, 5);
        expect(out.index.version ?? 5).toBe(5);
        expect(Number(out.index.steps ?? 0)).toBe(5 - from);
      }),
    );
  });
});

describe('Debounced', () => {
  it('runs after the delay and at most maxWait after the first change', () => {
    const clock = new ManualClock();
    let runs = 0;
    const d = new Debounced(() => runs++, 1000, 10000, clock);
    d.schedule();
    clock.advance(999);
    expect(runs).toBe(0);
    clock.advance(1);
    expect(runs).toBe(1);
    for (let t = 0; t < 12000; t += 500) {
      d.schedule();
      clock.advance(500);
    }
    expect(runs).toBeGreaterThanOrEqual(2);
  });
});

describe('open problems in the library', () => {
  it('keeps the last count with the article across a reload, and ignores a damaged one', () => {
    const area = new MemoryStorage();
    const first = open(area);
    const id = first.store.getState().addArticle(sample);
    expect(first.store.getState().articles[id]!.openProblems).toBeUndefined();
    first.store.getState().setOpenProblems(id, 7);
    first.storage.flush();
    expect(open(area).store.getState().articles[id]!.openProblems).toBe(7);
    const index = JSON.parse(area.getItem('galley:workspace')!) as { articles: Record<string, Record<string, unknown>> };
    index.articles[id]!.openProblems = -3;
    area.setItem('galley:workspace', JSON.stringify(index));
    expect(open(area).store.getState().articles[id]!.openProblems).toBeUndefined();
  });
});
