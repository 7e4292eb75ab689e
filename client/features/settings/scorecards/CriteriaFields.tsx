import { useTranslation } from 'react-i18next';
import { CriterionSchema, type Criterion } from '#shared/schemas/reviews';
import { InputField, SelectField } from '#client/features/settings/FormParts';
import { optionsOf } from '#client/components/Select';

/** The key of the name of each scale a criterion is scored on. */
export const SCALE_NAMES: Record<Criterion['scale'], string> = {
  five: 'reports.cards.scaleFive',
  yesNo: 'reports.cards.scaleYesNo',
};

/** A criterion as a new rubric starts with it. */
export const BLANK_CRITERION: Criterion = { label: '', weight: 1, scale: 'five' };

/**
 * The criteria of a rubric being written: per criterion its label, weight (with its share of the
 * score, so weights need no arithmetic) and scale; add and remove. `disabled` shows them read-only.
 */
export function CriteriaFields({
  value,
  onChange,
  disabled,
  error,
}: {
  value: Criterion[];
  onChange(v: Criterion[]): void;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const total = value.reduce((s, c) => s + (c.weight > 0 ? c.weight : 0), 0);
  const set = (i: number, over: Partial<Criterion>) => onChange(value.map((c, j) => (j === i ? { ...c, ...over } : c)));
  return (
    <fieldset className="group criteria" disabled={disabled}>
      <legend>{t('reports.cards.criteria')}</legend>
      {value.map((c, i) => (
        <fieldset key={i} className="criterion-row">
          <legend>{t('reports.cards.criterionN', { n: i + 1 })}</legend>
          <InputField
            label={t('reports.cards.label')}
            className="wide"
            required
            maxLength={120}
            value={c.label}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <InputField
            label={t('reports.cards.weight')}
            hint={
              total > 0 && c.weight > 0
                ? t('reports.cards.share', { percent: Math.round((c.weight / total) * 100) })
                : ''
            }
            type="number"
            required
            min={1}
            max={100}
            value={c.weight}
            onChange={(e) => set(i, { weight: Number(e.target.value) })}
          />
          <SelectField
            label={t('reports.cards.scale')}
            value={c.scale}
            options={optionsOf(CriterionSchema.shape.scale.options, (s) => t(SCALE_NAMES[s]))}
            onChange={(scale) => set(i, { scale })}
          />
          {!disabled && value.length > 1 && (
            <button type="button" className="link small" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('reports.cards.remove')} <span className="sr-only">{t('reports.cards.criterionN', { n: i + 1 })}</span>
            </button>
          )}
        </fieldset>
      ))}
      {error && <p className="field-error">{error}</p>}
      {!disabled && value.length < 20 && (
        <div>
          <button type="button" onClick={() => onChange([...value, BLANK_CRITERION])}>
            {t('reports.cards.addCriterion')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
