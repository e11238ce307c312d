import { type KeyboardEvent, useRef } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';

export const PASSPORT_TABS = ['stamps', 'prizes', 'points', 'rewards'] as const;
export type PassportTab = (typeof PASSPORT_TABS)[number];

export interface PassportTabsProps {
  selected: PassportTab;
  onSelect: (tab: PassportTab) => void;
  /** Id of the tab panel; each tab's own id is `${panelId}-${tab}`. */
  panelId: string;
}

const LABELS = {
  stamps: 'passport.stamps',
  prizes: 'passport.prizes',
  points: 'points.tabPoints',
  rewards: 'points.tabRewards',
} as const satisfies Record<PassportTab, MessageKey>;

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Stamps | Prizes | Points | Rewards as ARIA tabs: arrows, Home and End move between them (and do not walk the avatar). */
export function PassportTabs({ selected, onSelect, panelId }: PassportTabsProps) {
  const t = useT();
  const refs = useRef<Partial<Record<PassportTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent) => {
    const index = PASSPORT_TABS.indexOf(selected);
    const step = STEP[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + PASSPORT_TABS.length) % PASSPORT_TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = PASSPORT_TABS.length - 1;
    const tab = next === undefined ? undefined : PASSPORT_TABS[next];
    if (!tab) return;
    event.preventDefault();
    event.stopPropagation();
    onSelect(tab);
    refs.current[tab]?.focus();
  };

  return (
    <div className="passport-tabs" role="tablist" aria-label={t('passport.sections')} onKeyDown={onKeyDown}>
      {PASSPORT_TABS.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            refs.current[tab] = element;
          }}
          id={`${panelId}-${tab}`}
          type="button"
          role="tab"
          aria-selected={tab === selected}
          aria-controls={panelId}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
          data-testid={`passport-tab-${tab}`}
        >
          {t(LABELS[tab])}
        </button>
      ))}
    </div>
  );
}
