import { EMOTES } from '../../../shared/protocol/lounge-messages.ts';
import { useT } from '../../core/i18n/useT.ts';
import { sendEmote } from '../../core/net/send.ts';
import { EMOTE_GLYPHS } from '../emotes.ts';

/** Wave, clap and cheer; also on keys 1, 2 and 3 while not typing. */
export function EmoteBar() {
  const t = useT();
  return (
    <fieldset className="emotes">
      <legend className="visually-hidden">{t('emote.group')}</legend>
      {EMOTES.map((emote, index) => {
        const name = t(`emote.${emote}`);
        const label = t('emote.shortcut', { name, key: index + 1 });
        return (
          <button
            key={emote}
            type="button"
            className="emote"
            aria-label={label}
            title={label}
            data-testid={`emote-${emote}`}
            onClick={() => sendEmote(emote)}
          >
            <span className="emote-glyph" aria-hidden="true">
              {EMOTE_GLYPHS[emote]}
            </span>
            <span className="emote-name">{name}</span>
            <kbd>{index + 1}</kbd>
          </button>
        );
      })}
    </fieldset>
  );
}
