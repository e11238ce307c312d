import type { ConsoleKey } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';
import type { CampaignFailure } from './campaignErrors.ts';

/** A refusal in the operator's language (a too-large drop with its numbers); an empty live region otherwise. */
export function FailureLine({ failure, testId }: { failure: CampaignFailure | null; testId: string }) {
  const t = useT();
  let text = '';
  if (failure?.code === 'dropTooLarge')
    text = failure.numbers
      ? t('campaigns.error.dropTooLarge', failure.numbers)
      : t('campaigns.error.dropTooLargePlain');
  else if (failure)
    text = t((failure.own ? `campaigns.error.${failure.code}` : `error.${failure.code}`) as ConsoleKey);
  return (
    <p role="alert" className="error" data-testid={testId}>
      {text}
    </p>
  );
}
