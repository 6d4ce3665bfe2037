import { removeDictionaryWord, unignoreProblem } from './ProblemCard.tsx';
import { CATEGORY_LABELS } from './ProblemsPanel.tsx';
import { useWorkspace, useWorkspaceStore } from './workspace-context.ts';

const NO_WORDS: readonly string[] = [];

/** An ignore key ("rule|text|words around it") as the user reads it. */
function describeIgnored(key: string): { text: string; context: string } {
  const [, text = '', ...rest] = key.split('|');
  return { text, context: rest.join('|') };
}

const CATEGORIES = ['consistency', 'spelling', 'grammar', 'punctuation', 'quotes', 'spacing', 'repetition', 'style'];

/** Proofreading settings: which kinds of problems to show, and house-style rules. */
export function SettingsPanel() {
  const settings = useWorkspaceStore((state) => state.settings);
  const setCategory = useWorkspaceStore((state) => state.setCategoryEnabled);
  const setRule = useWorkspaceStore((state) => state.setRuleEnabled);
  // A read-only tab shows the settings but cannot change them (they would not be saved).
  const readOnly = useWorkspaceStore((state) => state.tabMode === 'read-only');
  const workspace = useWorkspace();
  const articleId = useWorkspaceStore((state) => state.currentId);
  const ignored = useWorkspaceStore((state) => (state.currentId ? state.articles[state.currentId]?.settings.ignoredProblems : undefined) ?? NO_WORDS);
  const dictionary = useWorkspaceStore((state) => (state.currentId ? state.articles[state.currentId]?.settings.dictionary : undefined) ?? NO_WORDS);
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
      <fieldset>
        <legend>Ignored in this article</legend>
        {ignored.length === 0 ? (
          <p className="muted">No ignored problems.</p>
        ) : (
          <ul className="settings-list" aria-label="Ignored problems">
            {ignored.map((key) => {
              const { text, context } = describeIgnored(key);
              return (
                <li key={key}>
                  <q>{text}</q> <span className="muted">{context}</span>{' '}
                  <button type="button" disabled={readOnly} onClick={() => articleId && unignoreProblem(workspace, articleId, key)} aria-label={`Stop ignoring “${text}”`}>
                    Stop ignoring
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend>This article’s dictionary</legend>
        {dictionary.length === 0 ? (
          <p className="muted">No words added.</p>
        ) : (
          <ul className="settings-list" aria-label="Dictionary words">
            {dictionary.map((word) => (
              <li key={word}>
                {word}{' '}
                <button type="button" disabled={readOnly} onClick={() => articleId && removeDictionaryWord(workspace, articleId, word)} aria-label={`Remove “${word}” from the dictionary`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </details>
  );
}
