import { useEffect, useState } from 'react';
import { defaultLook } from '../../../shared/avatar-look.ts';
import type { LookResponse } from '../../../shared/protocol/avatar.ts';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { AvatarDialog } from './AvatarDialog.tsx';
import { AvatarEditor } from './AvatarEditor.tsx';
import { fetchLook, lookErrorKey, saveLook } from './avatarApi.ts';
import './avatar.css';

/** "Change look" in the account panel: the editor in a dialog, loaded with the stored look and the wearables held. */
export function ChangeLook() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="account-section">
      <button type="button" onClick={() => setOpen(true)} data-testid="change-look">
        {t('avatar.change')}
      </button>
      {open && (
        <AvatarDialog title={t('avatar.heading')} onClose={() => setOpen(false)}>
          <LoadedEditor onDone={() => setOpen(false)} />
        </AvatarDialog>
      )}
    </section>
  );
}

function LoadedEditor({ onDone }: { onDone: () => void }) {
  const t = useT();
  const token = useLayoverStore((state) => state.token);
  const memberId = useLayoverStore((state) => state.member?.id ?? '');
  const [loaded, setLoaded] = useState<LookResponse | null>(null);
  const [failed, setFailed] = useState<MessageKey | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchLook(token).then(
      (answer) => live && setLoaded(answer),
      (error: unknown) => live && setFailed(lookErrorKey(error)),
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (failed)
    return (
      <>
        <p role="alert" className="form-error">
          {t(failed)}
        </p>
        <button type="button" onClick={onDone}>
          {t('avatar.cancel')}
        </button>
      </>
    );
  if (!loaded)
    return (
      <p role="status" aria-busy="true">
        {t('avatar.loading')}
      </p>
    );
  const save = async (look: Parameters<typeof saveLook>[1]) => {
    if (!token) return 'avatar.error.unauthorized' as const;
    try {
      await saveLook(token, look);
      onDone();
      return null;
    } catch (error) {
      return lookErrorKey(error);
    }
  };
  return (
    <AvatarEditor
      initial={loaded.look ?? defaultLook(memberId)}
      wearables={loaded.wearables}
      submitLabel={t('avatar.save')}
      onSubmit={save}
      onCancel={onDone}
    />
  );
}
