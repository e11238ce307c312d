import type { LocalizedText } from '../../../shared/protocol/brand.ts';
import { useT } from '../i18n/useT.ts';
import type { FieldError } from './fieldErrors.ts';
import { LocalizedField } from './LocalizedField.tsx';

const MAX_LINES = 8;
const EMPTY_LINE: LocalizedText = { en: '', 'zh-Hant': '', 'zh-Hans': '', vi: '' };

/** The departures board's lines: up to eight, each in the four languages, added and removed one at a time. */
export function BoardLinesField({
  lines,
  errors,
  onChange,
}: {
  lines: LocalizedText[];
  errors: Map<string, FieldError>;
  onChange: (lines: LocalizedText[]) => void;
}) {
  const t = useT();
  return (
    <div className="stack">
      {lines.map((line, index) => {
        const n = index + 1;
        return (
          <div key={index} className="brand-board-line">
            <LocalizedField
              label={t('brand.boardLine', { n })}
              path={`boardLines.${index}`}
              value={line}
              max={32}
              errors={errors}
              onChange={(value) => onChange(lines.map((old, at) => (at === index ? value : old)))}
            />
            <button
              type="button"
              onClick={() => onChange(lines.filter((_old, at) => at !== index))}
              data-testid={`brand-board-remove-${index}`}
            >
              {t('brand.boardRemove', { n })}
            </button>
          </div>
        );
      })}
      {lines.length < MAX_LINES && (
        <div className="actions">
          <button
            type="button"
            onClick={() => onChange([...lines, EMPTY_LINE])}
            data-testid="brand-board-add"
          >
            {t('brand.boardAdd')}
          </button>
        </div>
      )}
    </div>
  );
}
