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
        // The name comes from the visible text (no aria-label that could drift from it: WCAG 2.5.3); the key is
        // announced through aria-keyshortcuts, and its digit is hidden from screen readers and from touch screens.
        return (
          <button
            key={emote}
            type="button"
            className="emote"
            aria-keyshortcuts={String(index + 1)}
            title={label}
            data-testid={`emote-${emote}`}
            onClick={() => sendEmote(emote)}
          >
            <span className="emote-glyph" aria-hidden="true">
              {EMOTE_GLYPHS[emote]}
            </span>
            <span className="emote-name">{name}</span>
            <span className="emote-key" aria-hidden="true">
              {index + 1}
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
