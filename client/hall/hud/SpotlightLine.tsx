import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/** Who the host put in the spotlight (us, someone here, or someone in another instance of the hall). */
export function SpotlightLine() {
  const t = useT();
  const id = useLayoverStore((state) => state.hall?.stage.spotlightId ?? '');
  const name = useLayoverStore((state) => state.hall?.stage.spotlightName ?? '');
  const self = useLayoverStore((state) => state.member?.id);
  if (!id) return null;
  return (
    <p className="event-spotlight" data-testid="event-spotlight">
      <span aria-hidden="true">✦ </span>
      {id === self ? t('event.spotlightYou') : t('event.spotlight', { name })}
    </p>
  );
}
