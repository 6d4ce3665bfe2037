/** The settings slice: app-wide choices, saved with the workspace. */
import type { StateCreator } from 'zustand';
import { DEFAULT_SETTINGS, type AppSettings } from '../storage/format.ts';
import type { WorkspaceStore } from './store.ts';

export interface SettingsSlice {
  settings: AppSettings;
  /** Turns a problem category on or off. */
  setCategoryEnabled(category: string, enabled: boolean): void;
  /** Turns one rule on or off. */
  setRuleEnabled(rule: string, enabled: boolean): void;
}

const toggle = (list: readonly string[], item: string, present: boolean) => (present ? [...new Set([...list, item])] : list.filter((x) => x !== item));

export const createSettingsSlice: StateCreator<WorkspaceStore, [], [], SettingsSlice> = (set, get) => ({
  settings: { disabledCategories: [...DEFAULT_SETTINGS.disabledCategories], disabledRules: [...DEFAULT_SETTINGS.disabledRules] },
  setCategoryEnabled(category, enabled) {
    if (get().refuseReadOnly()) return;
    set((state) => ({ settings: { ...state.settings, disabledCategories: toggle(state.settings.disabledCategories, category, !enabled) } }));
  },
  setRuleEnabled(rule, enabled) {
    if (get().refuseReadOnly()) return;
    set((state) => ({ settings: { ...state.settings, disabledRules: toggle(state.settings.disabledRules, rule, !enabled) } }));
  },
});
