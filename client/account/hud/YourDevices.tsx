import { useId, useState } from 'react';
import type { DeviceView } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { signOutAllDevices, signOutDevice } from '../net/accountApi.ts';
import { leaveAndSignOut } from '../session.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { SESSION_KIND_KEYS, sortDevices } from './keepAccountView.ts';
import type { Loaded } from './useAccountData.ts';

export interface YourDevicesProps {
  devices: Loaded<DeviceView[]>;
  /** A guest who signs out everywhere cannot come back: the question says so. */
  guest: boolean;
  reload: () => Promise<void>;
}

/** The browsers the member is signed in on: end one, or all of them (this one too, which leaves the lounge). */
export function YourDevices({ devices, guest, reload }: YourDevicesProps) {
  const t = useT();
  const headingId = useId();
  const token = useLayoverStore((state) => state.token);
  const pushToast = useLayoverStore((state) => state.pushToast);
  const [error, setError] = useState<ErrorCode | null>(null);
  const shownError = error ?? devices.error;

  const signOutOne = async (device: DeviceView): Promise<boolean> => {
    if (!token) return false;
    setError(null);
    try {
      await signOutDevice(token, device.id);
      pushToast({ kind: 'status', key: 'account.devices.signedOut', vars: { browser: device.browser } });
      await reload();
      return true;
    } catch (cause) {
      console.warn('Layover: signing a device out failed', cause);
      setError(errorCodeOf(cause, 'network'));
      return false;
    }
  };

  const signOutEverywhere = async (): Promise<boolean> => {
    if (!token) return false;
    setError(null);
    try {
      await signOutAllDevices(token);
    } catch (cause) {
      console.warn('Layover: signing out everywhere failed', cause);
      setError(errorCodeOf(cause, 'network'));
      return false;
    }
    // This browser's session ended with the others: leave the lounge for the entry screen.
    await leaveAndSignOut();
    return true;
  };

  return (
    <section className="account-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('account.devices.heading')}</h3>
      {devices.value === null && !devices.error && <p className="account-hint">{t('account.loading')}</p>}
      {devices.value && (
        <ul className="account-list" data-testid="devices-list">
          {sortDevices(devices.value).map((device) => (
            <li key={device.id} className="account-row" data-testid="device-item">
              <div className="account-row-text">
                <span className="account-row-title">
                  {device.browser}
                  {device.current && (
                    <span className="account-badge" data-testid="device-current">
                      {t('account.devices.thisDevice')}
                    </span>
                  )}
                </span>
                <span className="account-row-meta">{t(SESSION_KIND_KEYS[device.kind])}</span>
                <span className="account-row-meta">
                  {t('account.devices.firstSeen', { at: device.createdAt })}
                </span>
                <span className="account-row-meta">
                  {t('account.devices.lastSeen', { at: device.lastSeenAt })}
                </span>
              </div>
              {!device.current && (
                <ConfirmAction
                  label={t('account.devices.signOut')}
                  accessibleLabel={t('account.devices.signOutLabel', { browser: device.browser })}
                  question={t('account.devices.confirmSignOut', { browser: device.browser })}
                  confirmLabel={t('account.devices.confirmYes')}
                  onConfirm={() => signOutOne(device)}
                  testId="device-signout"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmAction
        label={t('account.devices.signOutAll')}
        question={t(guest ? 'account.devices.confirmSignOutAllGuest' : 'account.devices.confirmSignOutAll')}
        confirmLabel={t('account.devices.confirmYes')}
        onConfirm={signOutEverywhere}
        testId="signout-all"
        className="danger"
      />
      <p className="account-error" role="alert">
        {shownError ? t(`error.${shownError}`) : ''}
      </p>
    </section>
  );
}
