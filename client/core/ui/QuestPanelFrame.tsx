import { type CSSProperties, type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT.ts';

export interface QuestPanelFrameProps {
  id: string;
  title: string;
  onClose: () => void;
  testId: string;
  /** Where the panel starts (`--quest-panel-top`), below the top bar. */
  style?: CSSProperties;
  /**
   * The body takes focus so a keyboard can scroll it: for panels of text with no control inside (the journal);
   * panels with controls scroll to whichever control has focus, and an extra tab stop would only be in the way.
   */
  focusableBody?: boolean;
  children: ReactNode;
}

/** A panel over the lounge, beside it rather than over it: heading focused on open, Escape or × closes it. */
export function QuestPanelFrame({
  id,
  title,
  onClose,
  testId,
  style,
  focusableBody = false,
  children,
}: QuestPanelFrameProps) {
  const t = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };

  return (
    <section
      id={id}
      className="quest-panel"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      style={style}
      data-testid={testId}
    >
      <header className="quest-panel-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('quests.close')}>
          ×
        </button>
      </header>
      {focusableBody ? (
        // Focusable so keyboard users can scroll a long journal with the arrow keys (axe: scrollable-region-focusable);
        // a named group, not a second region of the panel's own name (axe: landmark-unique).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
        // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this is a panel's text
        <div className="quest-panel-body" tabIndex={0} role="group" aria-labelledby={headingId}>
          {children}
        </div>
      ) : (
        <div className="quest-panel-body">{children}</div>
      )}
    </section>
  );
}
