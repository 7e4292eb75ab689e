import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { RoutingModeSchema } from '#shared/schemas/routingExplain';
import type { TeamRouting } from '#shared/schemas/teamSettings';
import { Check, Field, InputField, SelectField } from '#client/features/settings/FormParts';
import { optionsOf } from '#client/components/Select';
import { IdSelect } from '#client/components/IdSelect';
import { draftFields } from '#client/features/settings/draft';

/** A team's routing rules as edited: the minutes stay text while typed. */
export type RoutingRulesDraft = Omit<TeamRouting, 'fallbackMinutes' | 'overflowMinutes'> & {
  fallbackMinutes: string;
  overflowMinutes: string;
};

/** The draft of stored rules. */
export function rulesDraftOf(r: TeamRouting): RoutingRulesDraft {
  return { ...r, fallbackMinutes: String(r.fallbackMinutes), overflowMinutes: String(r.overflowMinutes) };
}

/** A whole number from min to max typed in a field, else null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

const FALLBACK = [0, 1440] as const;
const OVERFLOW = [1, 1440] as const;

/** The rules to store, or null while a minutes field holds something the server would refuse. */
export function rulesOf(d: RoutingRulesDraft): TeamRouting | null {
  const fallbackMinutes = wholeIn(d.fallbackMinutes, ...FALLBACK);
  const overflowMinutes = wholeIn(d.overflowMinutes, ...OVERFLOW);
  if (fallbackMinutes === null || overflowMinutes === null) return null;
  return { ...d, fallbackMinutes, overflowMinutes };
}

/** A whole number of minutes within `range`, kept as typed; out of range, it says which numbers it takes. */
function MinutesField({
  range: [min, max],
  onChange,
  ...field
}: {
  label: string;
  hint?: string;
  range: readonly [number, number];
  value: string;
  onChange(v: string): void;
}) {
  const { t } = useTranslation();
  return (
    <InputField
      {...field}
      error={wholeIn(field.value, min, max) === null ? t('routing.team.wholeNumber', { min, max }) : undefined}
      type="number"
      min={min}
      max={max}
      step={1}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Mode, language skills with their fall-back wait, and overflow of one team's auto-assignment. */
export function RoutingRulesFields({
  team,
  teams,
  value,
  onChange,
}: {
  team: Team;
  teams: readonly Team[];
  value: RoutingRulesDraft;
  onChange(v: RoutingRulesDraft): void;
}) {
  const { t } = useTranslation();
  const draft = draftFields(value, onChange);
  return (
    <fieldset className="group">
      <legend>{t('routing.team.legend')}</legend>
      <p className="muted small">{team.autoAssign ? t('routing.team.intro') : t('routing.team.off')}</p>
      <SelectField
        label={t('routing.team.mode')}
        options={optionsOf(RoutingModeSchema.options, (m) => t(`routing.team.${m}`))}
        {...draft.field('mode')}
      />
      <Check label={t('routing.team.skills')} hint={t('routing.team.skillsHint')} {...draft.field('skills')} />
      <div className="form-row">
        <MinutesField
          label={t('routing.team.fallback')}
          hint={t('routing.team.fallbackHint')}
          range={FALLBACK}
          {...draft.field('fallbackMinutes')}
        />
        <Field label={t('routing.team.overflowTeam')}>
          {(a) => (
            <IdSelect
              {...a}
              none={t('routing.team.noOverflow')}
              options={teams.filter((tm) => tm.id !== team.id)}
              {...draft.field('overflowTeamId')}
            />
          )}
        </Field>
        <MinutesField label={t('routing.team.overflowMinutes')} range={OVERFLOW} {...draft.field('overflowMinutes')} />
      </div>
    </fieldset>
  );
}
