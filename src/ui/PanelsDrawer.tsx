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
    const isDrawer = () => shell.panels.classList.contains('drawer-open') && getComputedStyle(shell.panels).position === 'fixed';
    const intoArticle = () => setOpen(false);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isDrawer()) return;
      const target = event.target instanceof Element ? event.target : null;
      if (event.key === 'Escape') {
        // A field's own Escape (a speaker's new name), a dialog's or the picker's come first.
        if (target?.closest('input, textarea, select, dialog, [role="dialog"]')) return;
        event.preventDefault();
        setOpen(false);
        button.current?.focus();
        return;
      }
      // Tab goes round the drawer, as in a dialog: past its last control, back to its first (not
      // on to a gap field far down the article, which would scroll there and close the drawer).
      if (event.key !== 'Tab' || !(target === document.body || shell.panels.contains(target))) return;
      const controls = [...shell.panels.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
        (el) => !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
      );
      if (controls.length === 0) return;
      const first = controls[0]!;
      const last = controls[controls.length - 1]!;
      if (target === document.body || (event.shiftKey ? target === first : target === last)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    };
    shell.articleColumn.addEventListener('focusin', intoArticle);
    // On the document: after an action that removed its own button (a merge, a revert) the
    // keyboard is on the page, and Escape and Tab must still work.
    document.addEventListener('keydown', onKey);
    return () => {
      shell.articleColumn.removeEventListener('focusin', intoArticle);
      document.removeEventListener('keydown', onKey);
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
