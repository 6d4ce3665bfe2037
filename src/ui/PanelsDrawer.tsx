import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PageShell } from '../app/page-shell.ts';
import { useWorkspaceStore } from './workspace-context.ts';

/**
 * On a narrow screen the side panels would come after the whole article, out of reach in a long
 * one. There they are a drawer over the text instead, opened from the toolbar; on a wide screen
 * the button and the drawer's head are not shown and the panels stay beside the text.
 *
 * The drawer closes with its button, its Close button, Escape, or when the focus goes into the
 * article (a panel's item that takes the user to a gap, a quote or a problem).
 */
export function PanelsToggle({ shell }: { shell: PageShell }) {
  const open = useWorkspaceStore((state) => state.panelsOpen);
  const setOpen = useWorkspaceStore((state) => state.setPanelsOpen);
  const button = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    shell.panels.classList.toggle('drawer-open', open);
  }, [shell, open]);

  useEffect(() => {
    if (!open) return;
    const intoArticle = () => setOpen(false);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    shell.articleColumn.addEventListener('focusin', intoArticle);
    shell.panels.addEventListener('keydown', onKey);
    return () => {
      shell.articleColumn.removeEventListener('focusin', intoArticle);
      shell.panels.removeEventListener('keydown', onKey);
    };
  }, [shell, open, setOpen]);

  return (
    <button
      ref={button}
      type="button"
      className="panels-toggle"
      aria-expanded={open}
      aria-controls={shell.panels.id}
      onClick={() => {
        setOpen(!open);
        // Opening moves the focus to the drawer, so the keyboard and screen readers follow.
        if (!open) requestAnimationFrame(() => shell.panels.querySelector<HTMLElement>('.drawer-close')?.focus());
      }}
    >
      Panels
    </button>
  );
}

/** The drawer's head, first in the side column: shown only while it is a drawer. */
export function DrawerHead() {
  const setOpen = useWorkspaceStore((state) => state.setPanelsOpen);
  return (
    <div className="drawer-head">
      <button
        type="button"
        className="drawer-close"
        onClick={() => {
          setOpen(false);
          document.querySelector<HTMLElement>('.panels-toggle')?.focus();
        }}
      >
        Close panels
      </button>
    </div>
  );
}
