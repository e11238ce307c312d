import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import {
  BRAND_FONT_NAMES,
  type BrandKit,
  type BrandView,
  SIGN_PLACES,
} from '../../../shared/protocol/brand.ts';
import { ApiError } from '../../core/http.ts';
import type { ConsoleErrorCode } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { BoardLinesField } from './BoardLinesField.tsx';
import { BrandPreview } from './BrandPreview.tsx';
import { fetchConsoleBrand, publishBrand } from './brandApi.ts';
import { type BrandErrorCode, brandErrorOf, fieldOfDetail } from './brandErrors.ts';
import { ColourFields } from './ColourFields.tsx';
import { FieldMessage } from './FieldMessage.tsx';
import { brandFieldErrors, type FieldError } from './fieldErrors.ts';
import { ImageField } from './ImageField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import './brand.css';

/** The brand kit editor: every part of the kit with its checks as you type, a preview, and Publish. */
export default function BrandPage() {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), name: useId(), font: useId() };
  const [live, setLive] = useState<BrandView | null>(null);
  const [kit, setKit] = useState<BrandKit | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BrandErrorCode | ConsoleErrorCode | null>(null);
  const [serverField, setServerField] = useState<{ path: string; detail: string } | null>(null);
  const [published, setPublished] = useState<number | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const view = await withSession(fetchConsoleBrand);
      setLive(view);
      setKit(view.kit);
    } catch (failure) {
      setError(brandErrorOf(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const errors = useMemo(() => {
    const found: Map<string, FieldError> = kit ? brandFieldErrors(kit) : new Map();
    if (serverField && !found.has(serverField.path))
      found.set(serverField.path, { key: 'brand.error.server', vars: { detail: serverField.detail } });
    return found;
  }, [kit, serverField]);

  if (!kit || !live)
    return (
      <p role={error ? 'alert' : 'status'} className={error ? 'error' : 'hint'}>
        {error ? t(`error.${error}`) : t('nav.loading')}
      </p>
    );

  const edit = (next: Partial<BrandKit>) => {
    setKit({ ...kit, ...next });
    setPublished(null);
    setServerField(null);
  };
  const submit = async () => {
    if (errors.size > 0) return setError('invalidBrand');
    setBusy(true);
    setError(null);
    try {
      const view = await withSession((token) => publishBrand(token, kit, live.version));
      setLive(view);
      setKit(view.kit);
      setPublished(view.version);
    } catch (failure) {
      setError(brandErrorOf(failure));
      const detail = failure instanceof ApiError ? failure.detail : undefined;
      const path = fieldOfDetail(detail);
      if (path && detail) setServerField({ path, detail: detail.slice(detail.indexOf(':') + 1).trim() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack brand-page" aria-labelledby={ids.heading} data-testid="console-brand">
      <h1 id={ids.heading}>{t('brand.heading')}</h1>
      <p className="hint">{t('brand.intro')}</p>
      <p data-testid="brand-live-version">
        {live.version === 0 || !live.publishedAt
          ? t('brand.versionDefault')
          : t('brand.versionLive', {
              version: live.version,
              at: formatWhen(live.publishedAt, locale),
              by: live.publishedBy ?? '',
            })}
      </p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <section className="card" aria-labelledby={`${ids.heading}-identity`}>
          <h2 id={`${ids.heading}-identity`}>{t('brand.identity')}</h2>
          <div className="field-row">
            <div className={errors.has('name') ? 'field invalid' : 'field'}>
              <label htmlFor={ids.name}>{t('brand.name')}</label>
              <input
                id={ids.name}
                value={kit.name}
                maxLength={60}
                aria-describedby={`${ids.name}-hint${errors.has('name') ? ` ${ids.name}-error` : ''}`}
                aria-invalid={errors.has('name') ? true : undefined}
                onChange={(event) => edit({ name: event.target.value })}
                data-testid="brand-name-input"
              />
              <span id={`${ids.name}-hint`} className="hint">
                {t('brand.nameHint')}
              </span>
              <FieldMessage id={`${ids.name}-error`} error={errors.get('name')} />
            </div>
            <div className="field">
              <label htmlFor={ids.font}>{t('brand.font')}</label>
              <select
                id={ids.font}
                value={kit.font}
                onChange={(event) => edit({ font: event.target.value as BrandKit['font'] })}
                data-testid="brand-font"
              >
                {BRAND_FONT_NAMES.map((font) => (
                  <option key={font} value={font}>
                    {t(`brand.font.${font}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>
        <section className="card" aria-labelledby={`${ids.heading}-colours`}>
          <h2 id={`${ids.heading}-colours`}>{t('brand.colours')}</h2>
          <ColourFields colours={kit.colours} errors={errors} onChange={(colours) => edit({ colours })} />
          <BrandPreview kit={kit} />
        </section>
        <section className="card" aria-labelledby={`${ids.heading}-images`}>
          <h2 id={`${ids.heading}-images`}>{t('brand.images')}</h2>
          <ImageField
            label={t('brand.logo')}
            name="logo"
            value={kit.logo}
            onChange={(logo) => edit({ logo })}
          />
          <ImageField
            label={t('brand.screenArt')}
            name="screenArt"
            value={kit.screenArt}
            onChange={(screenArt) => edit({ screenArt })}
          />
        </section>
        <section className="card" aria-labelledby={`${ids.heading}-welcome`}>
          <h2 id={`${ids.heading}-welcome`}>{t('brand.welcome')}</h2>
          <p className="hint">{t('brand.welcomeHint')}</p>
          <LocalizedField
            label={t('brand.welcome')}
            path="welcome"
            value={kit.welcome}
            max={280}
            multiline
            errors={errors}
            onChange={(welcome) => edit({ welcome })}
          />
        </section>
        <section className="card" aria-labelledby={`${ids.heading}-signage`}>
          <h2 id={`${ids.heading}-signage`}>{t('brand.signage')}</h2>
          <p className="hint">{t('brand.signageHint')}</p>
          {SIGN_PLACES.map((place) => (
            <LocalizedField
              key={place}
              label={t(`brand.sign.${place}`)}
              path={`signage.${place}`}
              value={kit.signage[place]}
              max={24}
              errors={errors}
              onChange={(text) => edit({ signage: { ...kit.signage, [place]: text } })}
            />
          ))}
        </section>
        <section className="card" aria-labelledby={`${ids.heading}-board`}>
          <h2 id={`${ids.heading}-board`}>{t('brand.board')}</h2>
          <p className="hint">{t('brand.boardHint')}</p>
          <BoardLinesField
            lines={kit.boardLines}
            errors={errors}
            onChange={(boardLines) => edit({ boardLines })}
          />
        </section>
        <p role="alert" className="error" data-testid="brand-error">
          {error ? `${t(`error.${error}`)}${errors.size > 0 ? ` ${t('brand.fixFields')}` : ''}` : ''}
        </p>
        <p role="status" className="ok" data-testid="brand-status">
          {published !== null ? t('brand.published', { version: published }) : ''}
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="brand-publish">
            {busy ? t('brand.publishing') : t('brand.publish')}
          </button>
          {error === 'brandConflict' && (
            <button type="button" onClick={() => void load()} data-testid="brand-reload">
              {t('brand.reload')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
