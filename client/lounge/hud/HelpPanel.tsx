import { useT } from '../../core/i18n/useT.ts';
import { MAIN_ROOM } from '../../core/roomNames.ts';
import { useLayoverStore } from '../../core/store.ts';
import { tourAction } from '../arrival/tourStore.ts';
import './help.css';

/**
 * Controls cheat sheet as a native disclosure (keyboard and screen-reader friendly for free), and the guided
 * arrival again (in the main lounge). Keyboard lines hide on touch screens and the touch line on the others (help.css).
 */
export function HelpPanel() {
  const t = useT();
  // The tour's places are the main lounge's.
  const inLounge = useLayoverStore((state) => state.room === MAIN_ROOM);
  return (
    <details className="help">
      <summary data-testid="help-toggle">{t('help.toggle')}</summary>
      <div className="help-body">
        <h2>{t('help.heading')}</h2>
        <ul>
          <li className="help-keys">{t('help.move')}</li>
          <li className="help-keys">{t('help.camera')}</li>
          <li className="help-keys">{t('help.emotes')}</li>
          <li className="help-keys">{t('help.chat')}</li>
          <li>{t('help.doors')}</li>
          <li className="help-keys">{t('help.interact')}</li>
          <li className="help-touch">{t('help.touch')}</li>
        </ul>
        {inLounge && (
          <button type="button" onClick={() => tourAction('start')} data-testid="help-tour">
            {t('arrival.restart')}
          </button>
        )}
      </div>
    </details>
  );
}
