import { useId, useState } from 'react';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { MY_DATA_FILENAME, myDataFile, saveFile } from '../myDataFile.ts';
import { fetchMyData } from '../net/memberApi.ts';

type DownloadState = { step: 'idle' | 'busy' | 'saved' } | { step: 'failed'; code: ErrorCode };

/** Saves everything Layover holds about the member as layover-my-data.json. */
export function DownloadMyData() {
  const t = useT();
  const headingId = useId();
  const token = useLayoverStore((state) => state.token);
  const [state, setState] = useState<DownloadState>({ step: 'idle' });

  const download = async () => {
    if (!token) return setState({ step: 'failed', code: 'unauthorized' });
    setState({ step: 'busy' });
    try {
      saveFile(myDataFile(await fetchMyData(token)));
      setState({ step: 'saved' });
    } catch (error) {
      console.warn('Layover: downloading the member export failed', error);
      setState({ step: 'failed', code: errorCodeOf(error, 'network') });
    }
  };

  return (
    <section className="account-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('account.download')}</h3>
      <p className="account-hint">{t('account.downloadHint', { file: MY_DATA_FILENAME })}</p>
      <button
        type="button"
        className="primary"
        onClick={() => void download()}
        disabled={state.step === 'busy'}
        data-testid="account-download"
      >
        {state.step === 'busy' ? t('account.downloading') : t('account.download')}
      </button>
      <p className="account-status" role="status">
        {state.step === 'saved' ? t('account.downloaded', { file: MY_DATA_FILENAME }) : ''}
      </p>
      <p className="account-error" role="alert">
        {state.step === 'failed' ? t(`error.${state.code}`) : ''}
      </p>
    </section>
  );
}
