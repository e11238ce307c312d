import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { StageQuestionView } from '../eventView.ts';
import { useIsHost } from '../hallHooks.ts';
import { sendHost } from '../net/eventSend.ts';
import { InviteOnStageButton } from '../stage/InviteOnStageButton.tsx';
import { AskForm } from './AskForm.tsx';

/** Most questions listed; the server keeps the latest 30 anyway. */
const SHOWN = 30;
/** One empty list for every read before the first patch (a fresh [] per read would re-render forever). */
const NO_QUESTIONS: readonly StageQuestionView[] = [];

function QuestionItem({
  question,
  pinned,
  host,
}: {
  question: StageQuestionView;
  pinned: boolean;
  host: boolean;
}) {
  const t = useT();
  return (
    <li className={pinned ? 'question pinned' : 'question'} data-testid={`question-${question.id}`}>
      <p>
        <strong>{question.name}</strong> {question.text}
      </p>
      {host && (
        <button
          type="button"
          onClick={() => sendHost('pinQuestion', { questionId: pinned ? null : question.id })}
          aria-label={t(pinned ? 'host.unpinLabel' : 'host.pinLabel', { name: question.name })}
          data-testid={`host-pin-${question.id}`}
        >
          {t(pinned ? 'host.unpin' : 'host.pin')}
        </button>
      )}
      {host && <InviteOnStageButton memberId={question.memberId} name={question.name} />}
    </li>
  );
}

/** Q&A: the pinned question on top, then the newest first, and a box to ask one. */
export function QuestionsPanel() {
  const t = useT();
  const questions = useLayoverStore((state) => state.hall?.questions ?? NO_QUESTIONS);
  const pinned = useLayoverStore((state) => state.hall?.stage.pinned ?? null);
  const host = useIsHost();
  const recent = questions
    .filter((question) => question.id !== pinned?.id)
    .slice(-SHOWN)
    .reverse();
  return (
    <div className="event-questions">
      {pinned && (
        <div className="pinned-question" data-testid="event-pinned">
          <p className="event-card-kicker">{t('event.ask.pinned')}</p>
          <ul>
            <QuestionItem question={pinned} pinned host={host} />
          </ul>
        </div>
      )}
      <AskForm />
      {recent.length === 0 ? (
        <p className="event-empty">{t('event.ask.empty')}</p>
      ) : (
        <ul className="question-list" aria-label={t('event.ask.recent')}>
          {recent.map((question) => (
            <QuestionItem key={question.id} question={question} pinned={false} host={host} />
          ))}
        </ul>
      )}
    </div>
  );
}
