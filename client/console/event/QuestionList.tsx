import type { ConsoleLiveView } from '../../../shared/protocol/live-events.ts';
import { useT } from '../i18n/useT.ts';

/** Audience questions, newest first, the pinned one marked (the host pins from the stage). */
export function QuestionList({ questions }: { questions: ConsoleLiveView['questions'] }) {
  const t = useT();
  const ordered = [...questions].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.at - a.at);
  return (
    <section className="panel" aria-labelledby="live-questions">
      <h3 id="live-questions">{t('live.questions')}</h3>
      {ordered.length === 0 ? (
        <p className="hint">{t('live.noQuestions')}</p>
      ) : (
        <ul className="plain-list">
          {ordered.map((question) => (
            <li key={question.id} className={question.pinned ? 'question pinned' : 'question'}>
              {question.pinned && <span className="badge">{t('live.pinned')}</span>}
              <strong>{question.name}</strong> {question.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
