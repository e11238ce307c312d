import { type FormEvent, useState } from 'react';
import {
  type AvatarLook,
  BODY_BUILDS,
  HAIR_COLOURS,
  HAIR_STYLES,
  OUTFIT_COLOURS,
  OUTFITS,
  SKIN_TONES,
} from '../../../shared/avatar-look.ts';
import type { HeldWearable } from '../../../shared/protocol/avatar.ts';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { AvatarPreview } from './AvatarPreview.tsx';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { randomLook } from './randomLook.ts';

export interface AvatarEditorProps {
  initial: AvatarLook;
  /** The wearable prizes the member holds; null at entry, where there is no member yet to hold any. */
  wearables: readonly HeldWearable[] | null;
  /** The confirming button's text ("Save", "Use this look"). */
  submitLabel: string;
  /** Resolves null when done, else the message that says why not (shown, the editor stays open). */
  onSubmit: (look: AvatarLook) => Promise<MessageKey | null>;
  onCancel: () => void;
}

/** Every choice of the look with a live front view: build, skin, outfit and its colours, hair, a prize to wear. */
export function AvatarEditor({ initial, wearables, submitLabel, onSubmit, onCancel }: AvatarEditorProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const [look, setLook] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const set =
    <K extends keyof AvatarLook>(key: K) =>
    (value: AvatarLook[K]) => {
      setError(null);
      setLook((current) => ({ ...current, [key]: value }));
    };
  const worn = wearables?.find((item) => item.prizeId === look.wear)?.wearable;
  const colours = (key: 'avatar.colour' | 'avatar.skin' | 'avatar.hairColour', list: readonly string[]) =>
    list.map((swatch, value) => ({ value, swatch, label: t(`${key}.${value}` as MessageKey) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A portal's events bubble through React's tree: the entry screen's own form must not see this submit.
    event.stopPropagation();
    if (busy) return;
    setBusy(true);
    const failed = await onSubmit(look);
    setBusy(false);
    setError(failed);
  };

  return (
    <form className="avatar-editor" onSubmit={submit} noValidate>
      <div className="avatar-stage">
        <AvatarPreview
          look={look}
          worn={worn}
          label={t('avatar.preview', {
            build: t(`avatar.build.${look.build}`),
            outfit: t(`avatar.outfit.${look.outfit}`),
            hair: t(`avatar.hair.${look.hair}`),
          })}
        />
        <button
          type="button"
          onClick={() => setLook(randomLook(Math.random, wearables ?? []))}
          data-testid="avatar-random"
        >
          {t('avatar.random')}
        </button>
      </div>
      <div className="avatar-options">
        <ChoiceGroup
          legend={t('avatar.build')}
          choices={BODY_BUILDS.map((value) => ({ value, label: t(`avatar.build.${value}`) }))}
          value={look.build}
          onChange={set('build')}
          testId="avatar-build"
        />
        <ChoiceGroup
          legend={t('avatar.skin')}
          choices={colours('avatar.skin', SKIN_TONES)}
          value={look.skin}
          onChange={set('skin')}
          testId="avatar-skin"
        />
        <ChoiceGroup
          legend={t('avatar.outfit')}
          choices={OUTFITS.map((value) => ({ value, label: t(`avatar.outfit.${value}`) }))}
          value={look.outfit}
          onChange={set('outfit')}
          testId="avatar-outfit"
        />
        <ChoiceGroup
          legend={t('avatar.outfitColour')}
          choices={colours('avatar.colour', OUTFIT_COLOURS)}
          value={look.outfitColour}
          onChange={set('outfitColour')}
          testId="avatar-outfit-colour"
        />
        <ChoiceGroup
          legend={t('avatar.accentColour')}
          choices={colours('avatar.colour', OUTFIT_COLOURS)}
          value={look.accentColour}
          onChange={set('accentColour')}
          testId="avatar-accent-colour"
        />
        <ChoiceGroup
          legend={t('avatar.hair')}
          choices={HAIR_STYLES.map((value) => ({ value, label: t(`avatar.hair.${value}`) }))}
          value={look.hair}
          onChange={set('hair')}
          testId="avatar-hair"
        />
        <ChoiceGroup
          legend={t('avatar.hairColour')}
          choices={colours('avatar.hairColour', HAIR_COLOURS)}
          value={look.hairColour}
          onChange={set('hairColour')}
          testId="avatar-hair-colour"
        />
        {wearables === null ? (
          <p className="avatar-hint">{t('avatar.wear.atEntry')}</p>
        ) : wearables.length === 0 ? (
          <p className="avatar-hint" data-testid="avatar-wear-empty">
            {t('avatar.wear.empty')}
          </p>
        ) : (
          <ChoiceGroup
            legend={t('avatar.wear')}
            choices={[
              { value: '', label: t('avatar.wear.none') },
              ...wearables.map((item) => ({
                value: item.prizeId,
                label: t(`avatar.wear.${item.wearable.kind}`, { name: item.name[locale] }),
              })),
            ]}
            value={look.wear ?? ''}
            onChange={(value) => set('wear')(value === '' ? null : value)}
            testId="avatar-wear"
          />
        )}
      </div>
      <div role="alert" className="form-error" data-testid="avatar-error">
        {error ? t(error) : ''}
      </div>
      <div className="avatar-actions">
        <button type="button" onClick={onCancel} data-testid="avatar-cancel">
          {t('avatar.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="avatar-save">
          {busy ? t('avatar.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
