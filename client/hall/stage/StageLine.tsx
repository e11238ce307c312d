import type { StageMediaView } from '../../../shared/protocol/stage-media.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/** Who is live and who is on stage, in one compact line everyone sees. */
export function StageLine({ view, me }: { view: StageMediaView; me: string | undefined }) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const named = (person: { memberId: string; name: string }) =>
    person.memberId === me ? t('stage.you', { name: person.name }) : person.name;
  if (!view.live && view.onStage.length === 0)
    return (
      <p className="stage-line quiet" data-testid="stage-line">
        {t('stage.quiet')}
      </p>
    );
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(view.onStage.map(named));
  return (
    <p className="stage-line" data-testid="stage-line">
      {view.live && (
        <span className="stage-live" data-testid="stage-live">
          {t(view.live.video ? 'stage.liveCamera' : 'stage.live', { name: named(view.live) })}
        </span>
      )}
      {view.onStage.length > 0 && (
        <span className="stage-on" data-testid="stage-on">
          {t('stage.onStage', { names })}
        </span>
      )}
    </p>
  );
}
