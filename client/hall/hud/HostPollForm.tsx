import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { sendHost } from '../net/eventSend.ts';

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 4;

/** Starts a poll (2 to 4 options) or a Gate Trivia question, and closes the one running. */
export function HostPollForm() {
  const t = useT();
  const ids = { question: useId(), options: useId() };
  const pollOpen = useLayoverStore((state) => state.hall?.stage.poll?.open ?? false);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<string[]>(['', '']);
  const filled = options.map((option) => option.trim()).filter(Boolean);
  const ready = question.trim() !== '' && filled.length >= MIN_OPTIONS;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!sendHost('startPoll', { question, options: filled })) return;
    setQuestion('');
    setOptions(['', '']);
  };
  const setOption = (index: number, value: string) =>
    setOptions(options.map((option, at) => (at === index ? value : option)));
  return (
    <form className="event-form host-poll" onSubmit={onSubmit}>
      <label htmlFor={ids.question}>{t('host.pollQuestion')}</label>
      <input
        id={ids.question}
        value={question}
        maxLength={140}
        onChange={(event) => setQuestion(event.target.value)}
        data-testid="host-poll-question"
      />
      <fieldset id={ids.options} className="host-poll-options">
        <legend>{t('host.pollOptions')}</legend>
        {options.map((option, index) => (
          <input
            key={index}
            value={option}
            maxLength={60}
            onChange={(event) => setOption(index, event.target.value)}
            aria-label={t('host.pollOption', { n: index + 1 })}
            data-testid={`host-poll-option-${index}`}
          />
        ))}
      </fieldset>
      <div className="event-form-row wrap">
        <button
          type="button"
          onClick={() => setOptions([...options, ''])}
          disabled={options.length >= MAX_OPTIONS}
          data-testid="host-poll-add-option"
        >
          {t('host.pollAddOption')}
        </button>
        <button
          type="button"
          onClick={() => setOptions(options.slice(0, -1))}
          disabled={options.length <= MIN_OPTIONS}
        >
          {t('host.pollRemoveOption')}
        </button>
        <button type="submit" className="primary" disabled={!ready} data-testid="host-poll-start">
          {t('host.pollStart')}
        </button>
      </div>
      <div className="event-form-row wrap">
        <button type="button" onClick={() => sendHost('startTrivia', {})} data-testid="host-trivia-start">
          {t('host.triviaStart')}
        </button>
        <button
          type="button"
          onClick={() => sendHost('closePoll', {})}
          disabled={!pollOpen}
          data-testid="host-poll-close"
        >
          {t('host.pollClose')}
        </button>
      </div>
    </form>
  );
}
