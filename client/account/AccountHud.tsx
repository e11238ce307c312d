import { type CSSProperties, useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { useBelowTopBar } from '../core/ui/useBelowTopBar.ts';
import { AccountPanel } from './hud/AccountPanel.tsx';
import { useEmailLocale } from './hud/useEmailLocale.ts';

/** The "Account" button in the settings group and its panel; closing returns focus to the button. */
export function AccountHud() {
  const t = useT();
  useEmailLocale();
  const panelId = useId();
  const open = useLayoverStore((state) => state.questPanel === 'account');
  const setPanel = useLayoverStore((state) => state.setQuestPanel);
  const button = useRef<HTMLButtonElement>(null);
  // The settings group blurs its backdrop, which would trap a positioned panel inside it: the panel is drawn in
  // the top bar around the group instead, below it like the journal and passport.
  const group = useRef<HTMLElement>(null);
  const [topBar, setTopBar] = useState<HTMLElement | null>(null);
  useEffect(() => setTopBar(group.current?.parentElement ?? null), []);
  const below = useBelowTopBar(group);
  const place = (below === null ? {} : { '--quest-panel-top': `${below + 8}px` }) as CSSProperties;

  const close = useCallback(() => {
    setPanel(null);
    button.current?.focus();
  }, [setPanel]);

  return (
    <>
      <button
        ref={(element) => {
          button.current = element;
          group.current = element?.parentElement ?? null;
        }}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setPanel(open ? null : 'account')}
        data-testid="open-account"
      >
        {t('account.panelOpen')}
      </button>
      {open && topBar && createPortal(<AccountPanel id={panelId} onClose={close} style={place} />, topBar)}
    </>
  );
}
