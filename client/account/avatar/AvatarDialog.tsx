import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]):checked, input:not([disabled]):not([type=radio]), [tabindex="0"]';

export interface AvatarDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The avatar editor as a modal dialog over the page: focus moves in and stays in (Tab wraps), Escape closes, and
 * focus goes back to what opened it. The lounge's keys stop behind it (an open `aria-modal` dialog).
 */
export function AvatarDialog({ title, onClose, children }: AvatarDialogProps) {
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === box.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="avatar-backdrop">
      <div
        ref={box}
        className="avatar-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid="avatar-dialog"
      >
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
