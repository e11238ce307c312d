import { usePublishedContent } from '../content/publishedContent.ts';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import { type DropRow, newDropRow } from './eventForm.ts';
import { Field } from './Field.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import type { FieldIssues } from './fieldIssues.ts';

/** The most drops one event may schedule (the schema's limit). */
const MAX_DROPS = 10;

export interface DropRowsProps {
  rows: DropRow[];
  issues: FieldIssues;
  onChange: (rows: DropRow[]) => void;
}

/** The drops sub-form: one fieldset per drop, with add and remove. */
export function DropRows({ rows, issues, onChange }: DropRowsProps) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const content = usePublishedContent((state) => state.content);
  // A retired prize is not offered for new drops (a row that already names one keeps it).
  const prizes = (content?.prizes ?? []).filter(
    (prize) => prize.enabled !== false || rows.some((row) => row.prizeId === prize.id),
  );
  const update = (index: number, patch: Partial<DropRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="drops">
      <legend>{t('form.drops')}</legend>
      <p className="hint">{t('form.dropsHint')}</p>
      <FieldErrors id="drops-error" issues={issues.drops} />
      {rows.length === 0 && <p className="hint">{t('form.noDrops')}</p>}
      {rows.map((row, index) => {
        const at = (field: string) => issues[`drops.${index}.${field}`];
        return (
          <fieldset key={index} className="drop-row">
            <legend>{t('form.dropLegend', { n: index + 1 })}</legend>
            <Field label={t('form.dropId')} issues={at('id')}>
              <input
                value={row.id}
                onChange={(e) => update(index, { id: e.target.value })}
                data-testid={`console-drop-id-${index}`}
              />
            </Field>
            <Field label={t('form.dropPrize')} issues={at('prizeId')}>
              <select
                value={row.prizeId}
                onChange={(e) => update(index, { prizeId: e.target.value })}
                data-testid={`console-drop-prize-${index}`}
              >
                {prizes.map((prize) => (
                  <option key={prize.id} value={prize.id}>
                    {prize.name[locale]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('form.dropSupply')} issues={at('supply')}>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                step={1}
                value={row.supply}
                onChange={(e) => update(index, { supply: e.target.value })}
                data-testid={`console-drop-supply-${index}`}
              />
            </Field>
            <Field label={t('form.dropWindow')} issues={at('windowSeconds')}>
              <input
                type="number"
                inputMode="numeric"
                min={5}
                max={3600}
                step={1}
                value={row.windowSeconds}
                onChange={(e) => update(index, { windowSeconds: e.target.value })}
                data-testid={`console-drop-window-${index}`}
              />
            </Field>
            <Field label={t('form.dropMode')} issues={at('mode')}>
              <select
                value={row.mode}
                onChange={(e) => update(index, { mode: e.target.value === 'raffle' ? 'raffle' : 'first' })}
                data-testid={`console-drop-mode-${index}`}
              >
                <option value="first">{t('form.mode.first')}</option>
                <option value="raffle">{t('form.mode.raffle')}</option>
              </select>
            </Field>
            <button
              type="button"
              className="remove"
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
              data-testid={`console-drop-remove-${index}`}
            >
              {t('form.removeDrop', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...rows, newDropRow(rows)])}
        disabled={rows.length >= MAX_DROPS}
        data-testid="console-drop-add"
      >
        {t('form.addDrop')}
      </button>
    </fieldset>
  );
}
