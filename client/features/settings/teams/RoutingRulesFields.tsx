import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { RoutingModeSchema, type RoutingMode } from '#shared/schemas/routingExplain';
import type { TeamRouting } from '#shared/schemas/teamSettings';
import { Check, Field, InputField } from '#client/features/settings/FormParts';

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
  const set = (patch: Partial<RoutingRulesDraft>) => onChange({ ...value, ...patch });
  const problem = (text: string, [min, max]: readonly [number, number]) =>
    wholeIn(text, min, max) === null ? t('routing.team.wholeNumber', { min, max }) : undefined;
  return (
    <fieldset className="group">
      <legend>{t('routing.team.legend')}</legend>
      <p className="muted small">{team.autoAssign ? t('routing.team.intro') : t('routing.team.off')}</p>
      <Field label={t('routing.team.mode')}>
        {(a) => (
          <select {...a} value={value.mode} onChange={(e) => set({ mode: e.target.value as RoutingMode })}>
            {RoutingModeSchema.options.map((m) => (
              <option key={m} value={m}>
                {t(`routing.team.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Check
        label={t('routing.team.skills')}
        hint={t('routing.team.skillsHint')}
        checked={value.skills}
        onChange={(skills) => set({ skills })}
      />
      <div className="form-row">
        <InputField
          label={t('routing.team.fallback')}
          hint={t('routing.team.fallbackHint')}
          error={problem(value.fallbackMinutes, FALLBACK)}
          type="number"
          min={FALLBACK[0]}
          max={FALLBACK[1]}
          step={1}
          value={value.fallbackMinutes}
          onChange={(e) => set({ fallbackMinutes: e.target.value })}
        />
        <Field label={t('routing.team.overflowTeam')}>
          {(a) => (
            <select
              {...a}
              value={value.overflowTeamId ?? ''}
              onChange={(e) => set({ overflowTeamId: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t('routing.team.noOverflow')}</option>
              {teams
                .filter((tm) => tm.id !== team.id)
                .map((tm) => (
                  <option key={tm.id} value={tm.id}>
                    {tm.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <InputField
          label={t('routing.team.overflowMinutes')}
          error={problem(value.overflowMinutes, OVERFLOW)}
          type="number"
          min={OVERFLOW[0]}
          max={OVERFLOW[1]}
          step={1}
          value={value.overflowMinutes}
          onChange={(e) => set({ overflowMinutes: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
