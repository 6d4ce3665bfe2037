/**
 * The workspace store: one Zustand store made of slices, with `persist` on the combined store.
 *
 * `partialize` keeps only the articles slice's data; the storage adapter (storage/) decides when
 * and how it is written. Migrations of old saved formats run inside the adapter, on the raw JSON,
 * before documents are revived through the schema, so `migrate` here only receives data the
 * adapter has already brought to the current version.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, subscribeWithSelector } from 'zustand/middleware';
import { FORMAT_VERSION } from '../storage/format.ts';
import type { PersistedWorkspace, WorkspaceStorage } from '../storage/workspace-storage.ts';
import { createArticlesSlice, type ArticlesSlice } from './articles-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.ts';

export type WorkspaceStore = ArticlesSlice & UiSlice & SettingsSlice;
export type WorkspaceStoreApi = StoreApi<WorkspaceStore>;

/** Creates the store on a storage adapter; hydration is synchronous (localStorage). */
export function createWorkspaceStore(storage: WorkspaceStorage): WorkspaceStoreApi {
  const store = createStore<WorkspaceStore>()(
    subscribeWithSelector(
      persist(
        (...a) => ({ ...createArticlesSlice(...a), ...createUiSlice(...a), ...createSettingsSlice(...a) }),
        {
          name: storage.indexKey,
          version: FORMAT_VERSION,
          storage,
          partialize: (state): PersistedWorkspace => ({ settings: state.settings, currentId: state.currentId, order: state.order, articles: state.articles }),
          migrate: (persisted) => persisted as PersistedWorkspace,
          merge: (persisted, current) => ({ ...current, ...(persisted as PersistedWorkspace) }),
        },
      ),
    ),
  );
  store.setState({ loadProblems: [...storage.problems], saveStatus: storage.getStatus() });
  storage.onStatus((saveStatus) => store.setState({ saveStatus }));
  return store;
}
