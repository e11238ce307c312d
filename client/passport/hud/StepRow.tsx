import { useT } from '../../core/i18n/useT.ts';

export interface StepRowProps {
  label: string;
  progress: number;
  target: number;
  testId: string;
}

/** One step of a journey: its label, `1/3` and a bar; a finished step shows a tick. */
export function StepRow({ label, progress, target, testId }: StepRowProps) {
  const t = useT();
  const done = progress >= target;
  const shown = Math.min(progress, target);
  return (
    <li className={done ? 'step done' : 'step'} data-testid={testId} data-done={String(done)}>
      <span className="step-check" aria-hidden="true">
        {done ? '✓' : ''}
      </span>
      <span className="step-label">{label}</span>
      <span className="step-count" aria-hidden="true">
        {shown}/{target}
      </span>
      <span className="visually-hidden">
        {done ? t('journal.stepDone') : t('journal.stepProgress', { progress: shown, target })}
      </span>
      <progress className="step-bar" value={shown} max={target} aria-hidden="true" />
    </li>
  );
}
