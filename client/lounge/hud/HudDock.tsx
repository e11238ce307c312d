import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { HudDock as Dock, DockPanelId } from '../../core/ui/useHudDock.ts';
import './dock.css';

const LABELS: Readonly<Record<DockPanelId, MessageKey>> = {
  settings: 'hud.dock.settings',
  voice: 'hud.dock.voice',
  event: 'hud.dock.event',
  map: 'hud.dock.map',
};

export interface HudDockProps {
  dock: Dock;
  panels: readonly DockPanelId[];
}

/** The compact HUD's bar: one toggle per folded panel (shown only on narrow or short screens, see dock.css). */
export function HudDock({ dock, panels }: HudDockProps) {
  const t = useT();
  // A drop waiting behind the folded event panel shows on its toggle: it is what members came for.
  const dropOpen = useLayoverStore((state) => state.hall?.stage.drop?.state === 'open');
  return (
    <nav className="hud-dock" aria-label={t('hud.dock')} data-testid="hud-dock">
      {panels.map((panel) => {
        const slot = dock.slot(panel);
        const expanded = dock.open === panel;
        const alert = panel === 'event' && dropOpen && !expanded;
        return (
          <button
            key={panel}
            ref={dock.toggleRef(panel)}
            type="button"
            aria-expanded={expanded}
            aria-controls={slot.id}
            onClick={() => dock.toggle(panel)}
            onKeyDown={slot.onKeyDown}
            data-testid={`hud-dock-${panel}`}
          >
            {t(LABELS[panel])}
            {alert && (
              <span className="hud-dock-alert" data-testid="hud-dock-drop-alert">
                <span aria-hidden="true" />
                <span className="visually-hidden">{t('hud.dock.dropOpen')}</span>
              </span>
            )}
          </button>
        );
      })}
    </nav>
  );
}
