import type { CSSProperties } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { QuestPanelFrame } from '../../core/ui/QuestPanelFrame.tsx';
import { ChangeLook } from '../avatar/ChangeLook.tsx';
import { DownloadMyData } from './DownloadMyData.tsx';
import { EmailConsent } from './EmailConsent.tsx';
import { EraseMyData } from './EraseMyData.tsx';
import { KeepAccount } from './KeepAccount.tsx';
import { keepStateOf } from './keepAccountView.ts';
import { SignInMethods } from './SignInMethods.tsx';
import { useAccountData } from './useAccountData.ts';
import { YourDevices } from './YourDevices.tsx';
import '../account.css';

export interface AccountPanelProps {
  id: string;
  onClose: () => void;
  style?: CSSProperties;
}

/**
 * The member's account: keeping it (up front for a guest), how they sign in, where they are signed in, whether the
 * brand may email them, and what Layover keeps about them (download, erase).
 */
export function AccountPanel({ id, onClose, style }: AccountPanelProps) {
  const t = useT();
  const lasting = useLayoverStore((state) => state.member?.lasting);
  const data = useAccountData();
  const credentials = data.credentials.value;
  const state = keepStateOf(lasting, credentials);

  const reloadAll = () => {
    void data.reloadCredentials();
    void data.reloadDevices();
  };

  return (
    <QuestPanelFrame
      id={id}
      title={t('account.panelHeading')}
      onClose={onClose}
      style={style}
      testId="account"
    >
      <KeepAccount
        state={state}
        options={data.options}
        hasWallet={Boolean(credentials?.wallet)}
        onAdded={reloadAll}
      />
      <ChangeLook />
      <SignInMethods credentials={data.credentials} reload={data.reloadCredentials} />
      <YourDevices devices={data.devices} guest={state === 'guest'} reload={data.reloadDevices} />
      <EmailConsent credentials={data.credentials} onChanged={data.setConsent} />
      <section className="account-section" aria-labelledby={`${id}-data`}>
        <h3 id={`${id}-data`}>{t('account.heading')}</h3>
        <p className="account-hint">{t('account.intro')}</p>
      </section>
      <DownloadMyData />
      <EraseMyData />
    </QuestPanelFrame>
  );
}
