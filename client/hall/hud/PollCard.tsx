import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { tallyShares } from '../countdown.ts';
import type { StagePollView } from '../eventView.ts';
import { sendAudience } from '../net/eventSend.ts';

function vote(poll: StagePollView, option: number): void {
  if (sendAudience('vote', { pollId: poll.id, option }))
    useLayoverStore.getState().recordVote(poll.id, option);
}

/** The poll or Gate Trivia question on stage: one vote each, tallies across every instance, the answer when closed. */
export function PollCard() {
  const t = useT();
  const poll = useLayoverStore((state) => state.hall?.stage.poll ?? null);
  const mine = useLayoverStore((state) => (poll ? state.myVotes[poll.id] : undefined));
  if (!poll) return null;
  const shares = tallyShares(poll.tallies);
  const voted = mine !== undefined;
  return (
    <section className="event-card event-poll" aria-labelledby="event-poll-question" data-testid="poll-card">
      <p className="event-card-kicker">
        {t(poll.kind === 'trivia' ? 'event.poll.trivia' : 'event.poll.poll')}
      </p>
      <h3 id="event-poll-question">{poll.question}</h3>
      <ol className="poll-options">
        {poll.options.map((option, index) => {
          const correct = poll.correct === index;
          const classes = ['poll-option', correct ? 'correct' : '', mine === index ? 'mine' : ''].join(' ');
          const share = shares[index] ?? 0;
          const count = poll.tallies[index] ?? 0;
          return (
            <li key={index}>
              <button
                type="button"
                className={classes}
                onClick={() => vote(poll, index)}
                disabled={!poll.open || voted}
                aria-pressed={mine === index}
                aria-label={t('event.poll.optionLabel', { option, count, share })}
                data-testid={`poll-option-${index}`}
              >
                <span className="poll-bar" style={{ width: `${share}%` }} aria-hidden="true" />
                <span className="poll-text">{option}</span>
                <span className="poll-count" aria-hidden="true">
                  {count} · {share}%
                </span>
                {correct && <span className="poll-correct">{t('event.poll.correct')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="event-card-foot" role="status">
        {!poll.open ? t('event.poll.closed') : voted ? t('event.poll.voted') : t('event.poll.pick')}
      </p>
    </section>
  );
}
