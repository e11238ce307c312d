import { REACTIONS } from '../../../shared/protocol/live-events.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useIsMuted } from '../hallHooks.ts';
import { sendAudience } from '../net/eventSend.ts';
import { REACTION_GLYPHS } from '../reactionBursts.ts';

/** Six reactions that burst over everyone's screen in the hall (ours comes back from the server like the rest). */
export function ReactionBar() {
  const t = useT();
  const muted = useIsMuted();
  return (
    <fieldset className="reactions" disabled={muted}>
      <legend className="visually-hidden">{t('event.reactions')}</legend>
      {REACTIONS.map((reaction) => (
        <button
          key={reaction}
          type="button"
          className="reaction"
          onClick={() => sendAudience('react', { reaction })}
          aria-label={t(`event.reaction.${reaction}`)}
          title={t(`event.reaction.${reaction}`)}
          data-testid={`reaction-${reaction}`}
        >
          <span aria-hidden="true">{REACTION_GLYPHS[reaction]}</span>
        </button>
      ))}
    </fieldset>
  );
}
