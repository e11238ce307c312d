import { useId, useState } from 'react';
import { brandImageUrl } from '../../core/brand/brandImages.ts';
import type { ConsoleErrorCode } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { uploadBrandImage } from './brandApi.ts';
import { type BrandErrorCode, brandErrorOf } from './brandErrors.ts';

export interface ImageFieldProps {
  label: string;
  /** `logo` or `screenArt`: test ids and the kit's field. */
  name: string;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}

/** Uploads an image as soon as it is picked and shows it; a refused file says why beside the field. */
export function ImageField({ label, name, value, onChange }: ImageFieldProps) {
  const t = useT();
  const ids = { input: useId(), hint: useId(), error: useId() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BrandErrorCode | ConsoleErrorCode | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setSize(null);
    try {
      const image = await withSession((token) => uploadBrandImage(token, file));
      setSize({ width: image.width, height: image.height });
      onChange(image.id);
    } catch (failure) {
      setError(brandErrorOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={error ? 'field invalid brand-image' : 'field brand-image'}>
      <label htmlFor={ids.input}>{label}</label>
      <div className="brand-image-row">
        {value ? (
          <img
            className="brand-image-preview"
            src={brandImageUrl(value)}
            alt={t('brand.imagePreview', { image: label })}
            data-testid={`brand-${name}-preview`}
          />
        ) : (
          <span className="brand-image-preview empty">{t('brand.imageNone')}</span>
        )}
        <input
          id={ids.input}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          disabled={busy}
          aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            void upload(event.target.files?.[0]);
            event.target.value = '';
          }}
          data-testid={`brand-${name}-file`}
        />
        {value && (
          <button type="button" onClick={() => onChange(undefined)} data-testid={`brand-${name}-remove`}>
            {t('brand.imageRemove')}
          </button>
        )}
      </div>
      <span id={ids.hint} className="hint">
        {busy ? t('brand.uploading') : size ? t('brand.uploaded', size) : t('brand.imageHint')}
      </span>
      <span id={ids.error} role="alert" className="error" data-testid={`brand-${name}-error`}>
        {error ? t(`error.${error}`) : ''}
      </span>
    </div>
  );
}
