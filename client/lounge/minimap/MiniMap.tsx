import { useId, useState } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { walkTo } from '../../core/input/steering.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { DockSlot } from '../../core/ui/useHudDock.ts';
import { ZONE_NAME_KEYS } from '../../passport/placeName.ts';
import { MapPlan } from './MapPlan.tsx';
import { useMapHighlight } from './mapHighlight.ts';
import './minimap.css';
import { layoutForRoom } from './roomLayout.ts';

const ROOM_KEYS: Readonly<Record<string, MessageKey>> = {
  lounge: 'room.lounge',
  vip: 'room.vip',
  suite: 'room.suite',
};

export interface MiniMapProps {
  /** Folds the map behind the compact HUD's Map toggle on phones and short windows. */
  dock: DockSlot;
}

/** The room's map in the HUD, with a list of its destinations: pressing one walks there, as a floor click does. */
export function MiniMap({ dock }: MiniMapProps) {
  const t = useT();
  const bodyId = useId();
  const headingId = useId();
  const [shown, setShown] = useState(true);
  const room = useLayoverStore((state) => state.room);
  const highlight = useMapHighlight((state) => state.zone);
  const layout = layoutForRoom(room);
  const destinations = layout.zones.filter((zone) => ZONE_NAME_KEYS[zone.id]);
  const roomName = t(ROOM_KEYS[room ?? ''] ?? 'event.placeHall');

  return (
    <section className="minimap" aria-labelledby={headingId} data-testid="minimap" {...dock}>
      <header className="minimap-header">
        <h2 id={headingId}>{t('minimap.heading', { room: roomName })}</h2>
        <button
          type="button"
          className="minimap-toggle"
          aria-expanded={shown}
          aria-controls={bodyId}
          onClick={() => setShown((value) => !value)}
          data-testid="minimap-toggle"
        >
          {shown ? t('minimap.hide') : t('minimap.show')}
        </button>
      </header>
      <div id={bodyId} className="minimap-body" hidden={!shown}>
        <MapPlan layout={layout} destinations={destinations.map((zone) => zone.id)} highlight={highlight} />
        <ul className="minimap-places">
          {destinations.map((zone) => {
            const place = t(ZONE_NAME_KEYS[zone.id] as MessageKey);
            return (
              <li key={zone.id} data-highlight={zone.id === highlight}>
                <button
                  type="button"
                  onClick={() => walkTo(zone.x, zone.z)}
                  aria-label={t('minimap.walkTo', { place })}
                  data-testid={`minimap-go-${zone.id}`}
                >
                  <span className="minimap-dot" aria-hidden="true" />
                  {place}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
