import { describe, expect, it } from 'vitest';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { READ_ONLY_REFUSAL } from '../../../src/state/ui-slice.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { ManualClock, MemoryStorage } from '../../helpers/memory-storage.ts';

function readOnlyTab() {
  const area = new MemoryStorage();
  const firstStorage = new WorkspaceStorage({ storage: area, clock: new ManualClock() });
  const id = createWorkspaceStore(firstStorage).getState().addArticle('Title\n\nText.');
  firstStorage.flush();
  const storage = new WorkspaceStorage({ storage: area, clock: new ManualClock() });
  const store = createWorkspaceStore(storage);
  storage.setReadOnly(true);
  store.setState({ tabMode: 'read-only' });
  return { area, store, storage, id };
}

describe('a read-only tab', () => {
  it('refuses every change to settings and articles, with the read-only notice', () => {
    const { store, id } = readOnlyTab();
    const before = store.getState();
    expect(before.articles[id]).toBeDefined();
    store.getState().setRuleEnabled('OxfordComma', true);
    store.getState().setCategoryEnabled('spelling', false);
    store.getState().updateSettings(id, (s) => ({ ...s, dictionary: ['word'] }));
    store.getState().renameArticle(id, 'Other');
    store.getState().deleteArticle(id);
    expect(store.getState().duplicateArticle(id)).toBeNull();
    const after = store.getState();
    expect(after.settings).toBe(before.settings);
    expect(after.articles).toBe(before.articles);
    expect(after.order).toBe(before.order);
    expect(after.notices.map((n) => n.text)).toEqual([READ_ONLY_REFUSAL]);
  });

  it('never claims a save: the status says nothing is saved here', () => {
    const { store } = readOnlyTab();
    expect(store.getState().saveStatus).toEqual({ state: 'off', message: expect.stringMatching(/Read-only/) });
  });

  it('edits as before in the editing tab', () => {
    const { store, storage, id } = readOnlyTab();
    store.setState({ tabMode: 'editing' });
    storage.setReadOnly(false);
    store.getState().renameArticle(id, 'Other');
    expect(store.getState().articles[id]!.title).toBe('Other');
    expect(store.getState().saveStatus.state).toBe('pending');
  });
});
