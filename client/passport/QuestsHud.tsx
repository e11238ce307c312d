import { type CSSProperties, useCallback, useId, useRef } from 'react';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { useBelowTopBar } from '../core/ui/useBelowTopBar.ts';
import type { QuestPanel } from '../core/uiSlice.ts';
import { JournalPanel } from './hud/JournalPanel.tsx';
import { PassportPanel } from './hud/PassportPanel.tsx';

/** The Journal and Passport buttons, and whichever of the two panels is open. */
export function QuestsHud() {
  const t = useT();
  const panelId = useId();
  const open = useLayoverStore((state) => state.questPanel);
  const setOpen = useLayoverStore((state) => state.setQuestPanel);
  const buttons = { journal: useRef<HTMLButtonElement>(null), passport: useRef<HTMLButtonElement>(null) };
  const { journal, passport } = buttons;
  const nav = useRef<HTMLElement>(null);
  const below = useBelowTopBar(nav);
  const place = (below === null ? {} : { '--quest-panel-top': `${below + 8}px` }) as CSSProperties;

  const toggle = (panel: QuestPanel) => setOpen(open === panel ? null : panel);
  // Closing hands the keyboard back to the button that opened the panel.
  const close = useCallback(() => {
    const from = useLayoverStore.getState().questPanel;
    setOpen(null);
    (from === 'passport' ? passport : journal).current?.focus();
  }, [setOpen, journal, passport]);

  return (
    <>
      <nav ref={nav} className="quest-nav" aria-label={t('quests.nav')}>
        {(['journal', 'passport'] as const).map((panel) => (
          <button
            key={panel}
            ref={buttons[panel]}
            type="button"
            aria-expanded={open === panel}
            aria-controls={open === panel ? panelId : undefined}
            onClick={() => toggle(panel)}
            data-testid={`open-${panel}`}
          >
            {t(panel === 'journal' ? 'quests.openJournal' : 'quests.openPassport')}
          </button>
        ))}
      </nav>
      {open === 'journal' && <JournalPanel id={panelId} onClose={close} style={place} />}
      {open === 'passport' && <PassportPanel id={panelId} onClose={close} style={place} />}
    </>
  );
}
