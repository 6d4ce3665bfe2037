import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogAction {
  label: string;
  run: () => void;
  primary?: boolean;
}

interface Props {
  title: string;
  children: ReactNode;
  actions: DialogAction[];
  onCancel: () => void;
}

/** A modal dialog (native <dialog>): focus is trapped, Escape cancels. */
export function ConfirmDialog({ title, children, actions, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // What had the focus before (the button that opened the dialog) gets it back on closing,
    // unless the dialog's action put it somewhere of its own.
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      const now = document.activeElement;
      const lost = !now || now === document.body || !now.isConnected || (dialog?.contains(now) ?? false);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {actions.map((action) => (
          <button key={action.label} type="button" className={action.primary ? 'primary' : undefined} onClick={action.run} autoFocus={action.primary}>
            {action.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
