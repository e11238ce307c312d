import type { CSSProperties } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { QuestPanelFrame } from '../../core/ui/QuestPanelFrame.tsx';
import { DownloadMyData } from './DownloadMyData.tsx';
import { EraseMyData } from './EraseMyData.tsx';
import '../account.css';

export interface AccountPanelProps {
  id: string;
  onClose: () => void;
  style?: CSSProperties;
}

/** What Layover keeps about the member, with a copy to download and a way to erase it. */
export function AccountPanel({ id, onClose, style }: AccountPanelProps) {
  const t = useT();
  return (
    <QuestPanelFrame id={id} title={t('account.heading')} onClose={onClose} style={style} testId="account">
      <p className="account-intro">{t('account.intro')}</p>
      <DownloadMyData />
      <EraseMyData />
    </QuestPanelFrame>
  );
}
