import type { CSSProperties } from 'react';
import type { BrandKit } from '../../../shared/protocol/brand.ts';
import { brandCssProperties } from '../../core/brand/brandCss.ts';
import { brandImageUrl } from '../../core/brand/brandImages.ts';
import { useT } from '../i18n/useT.ts';

/** A small card drawn with the draft's colours and font, the way the lounge's HUD will use them. */
export function BrandPreview({ kit }: { kit: BrandKit }) {
  const t = useT();
  const style = brandCssProperties(kit) as CSSProperties;
  return (
    <figure className="brand-preview" data-testid="brand-preview">
      <figcaption>{t('brand.preview')}</figcaption>
      <div className="brand-preview-stage" style={style}>
        <div className="brand-preview-card">
          <p className="brand-preview-name">
            {kit.logo && <img src={brandImageUrl(kit.logo)} alt="" />}
            {kit.name}
          </p>
          <p className="brand-preview-title">{t('brand.previewTitle')}</p>
          <p>{t('brand.previewBody')}</p>
          <span className="brand-preview-button">{t('brand.previewButton')}</span>
        </div>
      </div>
    </figure>
  );
}
