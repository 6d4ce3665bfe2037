import { CATEGORY_LABELS } from './ProblemsPanel.tsx';
import { useWorkspaceStore } from './workspace-context.ts';

const CATEGORIES = ['consistency', 'spelling', 'grammar', 'punctuation', 'quotes', 'spacing', 'repetition', 'style'];

/** Proofreading settings: which kinds of problems to show, and house-style rules. */
export function SettingsPanel() {
  const settings = useWorkspaceStore((state) => state.settings);
  const setCategory = useWorkspaceStore((state) => state.setCategoryEnabled);
  const setRule = useWorkspaceStore((state) => state.setRuleEnabled);
  // A read-only tab shows the settings but cannot change them (they would not be saved).
  const readOnly = useWorkspaceStore((state) => state.tabMode === 'read-only');
  return (
    <details className="panel settings">
      <summary>Proofreading settings</summary>
      <fieldset disabled={readOnly}>
        <legend>Check for</legend>
        {CATEGORIES.map((category) => (
          <label key={category} className="check">
            <input type="checkbox" checked={!settings.disabledCategories.includes(category)} onChange={(event) => setCategory(category, event.target.checked)} />
            {CATEGORY_LABELS[category] ?? category}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={readOnly}>
        <legend>House style</legend>
        <label className="check">
          <input type="checkbox" checked={!settings.disabledRules.includes('OxfordComma')} onChange={(event) => setRule('OxfordComma', event.target.checked)} />
          Ask for the Oxford comma (off in news style)
        </label>
      </fieldset>
    </details>
  );
}
