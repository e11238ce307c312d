import { useEffect, useId, useState } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useIsHost } from '../hallHooks.ts';
import { AudiencePanel } from './AudiencePanel.tsx';
import { HostPanel } from './HostPanel.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';

type PanelId = 'qa' | 'audience' | 'host';

const LABELS: Readonly<Record<PanelId, MessageKey>> = {
  qa: 'event.panel.qa',
  audience: 'event.panel.audience',
  host: 'event.panel.host',
};

/** Phones start with every panel folded, so the stage stays in view. */
function wideScreen(): boolean {
  return !(globalThis.matchMedia?.('(max-width: 720px)').matches ?? false);
}

/** Q&A, the audience and (for hosts) the host controls: one open at a time; a sheet over the hall on phones. */
export function EventPanels() {
  const t = useT();
  const regionId = useId();
  const host = useIsHost();
  const [open, setOpen] = useState<PanelId | null>(() => (wideScreen() ? 'qa' : null));
  // Hosts land on their controls once the hall says they are a host (the role arrives with the first patch).
  useEffect(() => {
    if (host && wideScreen()) setOpen('host');
    if (!host) setOpen((current) => (current === 'host' ? null : current));
  }, [host]);
  const panels: PanelId[] = host ? ['qa', 'audience', 'host'] : ['qa', 'audience'];
  return (
    <div className="event-panels">
      <nav className="event-tabs" aria-label={t('event.panels')}>
        {panels.map((panel) => (
          <button
            key={panel}
            type="button"
            aria-expanded={open === panel}
            aria-controls={open === panel ? regionId : undefined}
            onClick={() => setOpen(open === panel ? null : panel)}
            data-testid={`event-tab-${panel}`}
          >
            {t(LABELS[panel])}
          </button>
        ))}
      </nav>
      {open && (
        <section id={regionId} className="event-panel" aria-label={t(LABELS[open])}>
          <header className="event-panel-header">
            <h3>{t(LABELS[open])}</h3>
            <button
              type="button"
              className="icon"
              onClick={() => setOpen(null)}
              aria-label={t('event.panel.close')}
            >
              ×
            </button>
          </header>
          {open === 'qa' && <QuestionsPanel />}
          {open === 'audience' && <AudiencePanel />}
          {open === 'host' && host && <HostPanel />}
        </section>
      )}
    </div>
  );
}
