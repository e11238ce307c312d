import { useT } from '../../core/i18n/useT.ts';

/** Controls cheat sheet as a native disclosure: keyboard and screen-reader friendly for free. */
export function HelpPanel() {
  const t = useT();
  return (
    <details className="help">
      <summary>{t('help.toggle')}</summary>
      <div className="help-body">
        <h2>{t('help.heading')}</h2>
        <ul>
          <li>{t('help.move')}</li>
          <li>{t('help.camera')}</li>
          <li>{t('help.emotes')}</li>
          <li>{t('help.chat')}</li>
          <li>{t('help.doors')}</li>
          <li>{t('help.interact')}</li>
          <li>{t('help.touch')}</li>
        </ul>
      </div>
    </details>
  );
}
