import { describeKeys, shortcuts } from '../editor/keymap.ts';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The keyboard shortcuts, listed from the keymap itself. */
export function ShortcutsHelp() {
  return (
    <details className="panel shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {shortcuts.map((shortcut) => (
          <div key={shortcut.keys}>
            <dt>
              <kbd>{describeKeys(shortcut.keys, mac)}</kbd>
            </dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Enter</kbd> / <kbd>Esc</kbd>
          </dt>
          <dd>Leave a gap field and return to the text</dd>
        </div>
      </dl>
    </details>
  );
}
