import { useT } from '../i18n/useT.ts';
import type { FieldError } from './fieldErrors.ts';

/** A field's error in the operator's language (the contrast pair named in it too), or nothing. */
export function FieldMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  const t = useT();
  if (!error) return null;
  const pair = error.vars?.pair;
  const vars =
    pair === 'surface' || pair === 'primary' ? { ...error.vars, pair: t(`brand.pair.${pair}`) } : error.vars;
  return (
    <span id={id} className="error" data-testid="brand-field-error">
      {t(error.key, vars)}
    </span>
  );
}
