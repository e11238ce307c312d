import { useState, useSyncExternalStore } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { AvatarDialog } from './AvatarDialog.tsx';
import { AvatarEditor } from './AvatarEditor.tsx';
import { choosePendingLook, pendingLook, subscribePendingLook } from './pendingLook.ts';
import { randomLook } from './randomLook.ts';
import './avatar.css';

/**
 * The entry screen's optional "Choose your look": the editor in a dialog (no wearables yet: there is no member to
 * hold any); the chosen look is saved once the member has entered. Skipping it keeps the default look.
 */
export function ChooseLookAtEntry({ disabled }: { disabled: boolean }) {
  const t = useT();
  const chosen = useSyncExternalStore(subscribePendingLook, pendingLook);
  const [open, setOpen] = useState(false);
  // Before entering there is no member id to derive the default look from: start from a random one.
  const [start] = useState(() => randomLook(Math.random, []));
  return (
    <div className="entry-look">
      <button type="button" onClick={() => setOpen(true)} disabled={disabled} data-testid="choose-look">
        {t('avatar.choose')}
      </button>
      <p className="hint" role="status">
        {chosen ? t('avatar.chosen') : t('avatar.chooseHint')}
      </p>
      {open && (
        <AvatarDialog title={t('avatar.heading')} onClose={() => setOpen(false)}>
          <AvatarEditor
            initial={chosen ?? start}
            wearables={null}
            submitLabel={t('avatar.use')}
            onSubmit={async (look) => {
              choosePendingLook(look);
              setOpen(false);
              return null;
            }}
            onCancel={() => setOpen(false)}
          />
        </AvatarDialog>
      )}
    </div>
  );
}
