import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS } from '#shared/channels';
import type { Team } from '#shared/schemas/agent';
import { PrioritySchema, type Priority } from '#shared/schemas/common';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import { useSlaPolicyAdmin } from '#client/api/slaPolicies';
import { focusFirstInvalid } from '#client/features/settings/focus';
import { useFormErrors } from '#client/features/settings/formErrors';
import { AdminForm, FormFooter } from '#client/features/settings/AdminForm';
import { Check, CheckboxGroup, InputField, NameField, TeamChecks } from '#client/features/settings/FormParts';
import { DurationField } from './DurationField';
import { msOf, slaDraftOf, slaInputOf, TARGETS, type SlaDraft } from './slaDraft';

const FIELDS = ['name', 'match', 'firstResponseMs', 'nextResponseMs', 'resolutionMs', 'businessHours'] as const;

/** Create an SLA policy or replace one: which conversations it covers and its reply/resolution targets. */
export function SlaForm({ policy, teams, onDone }: { policy?: SlaPolicyDto; teams: Team[]; onDone(): void }) {
  const { t } = useTranslation();
  const { create, replace } = useSlaPolicyAdmin();
  const m = policy ? replace : create;
  const [d, setD] = useState<SlaDraft>(() => slaDraftOf(policy));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof SlaDraft>(k: K, v: SlaDraft[K]) => setD((o) => ({ ...o, [k]: v }));
  const server = useFormErrors(m.error, FIELDS);
  const input = slaInputOf(d);
  const noTarget =
    input !== null && input.firstResponseMs === null && input.nextResponseMs === null && input.resolutionMs === null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!input || noTarget) return focusFirstInvalid(e.currentTarget);
    if (policy) replace.mutate({ id: policy.id, body: input }, { onSuccess: onDone });
    else create.mutate(input, { onSuccess: onDone });
  };
  const targetError = (k: (typeof TARGETS)[number]) =>
    msOf(d[k]) === 'bad' ? t('admin.sla.badNumber') : server.fields[`${k}Ms`];
  const summary =
    tried && (!input || noTarget) ? t(noTarget ? 'admin.sla.needTarget' : 'admin.form.invalid') : server.summary;
  return (
    <AdminForm
      title={policy ? t('admin.sla.editTitle', { name: policy.name }) : t('admin.sla.createTitle')}
      onSubmit={submit}
    >
      <div className="form-row">
        <NameField
          label={t('admin.sla.name')}
          error={server.fields.name}
          autoFocus
          value={d.name}
          onChange={(v) => set('name', v)}
        />
      </div>
      <fieldset className="group">
        <legend>{t('admin.sla.match')}</legend>
        <p className="field-hint">{t('admin.sla.matchHint')}</p>
        <TeamChecks legend={t('admin.sla.teams')} teams={teams} value={d.teamIds} onChange={(v) => set('teamIds', v)} />
        <CheckboxGroup<string>
          legend={t('admin.sla.channels')}
          options={CHANNEL_KINDS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={d.channels}
          onChange={(v) => set('channels', v)}
        />
        <CheckboxGroup<Priority>
          legend={t('admin.sla.priorities')}
          options={PrioritySchema.options.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={d.priorities}
          onChange={(v) => set('priorities', v)}
        />
        <div className="form-row">
          <InputField
            label={t('admin.sla.tiers')}
            hint={t('admin.sla.tiersHint')}
            error={server.fields.match}
            maxLength={400}
            value={d.tiers}
            onChange={(e) => set('tiers', e.target.value)}
          />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>{t('admin.sla.targets')}</legend>
        <p className="field-hint">{t('admin.sla.targetsHint')}</p>
        <div className="form-row">
          {TARGETS.map((k) => (
            <DurationField
              key={k}
              label={t(`admin.sla.${k}`)}
              value={d[k]}
              error={targetError(k)}
              onChange={(v) => set(k, v)}
            />
          ))}
        </div>
        <Check label={t('admin.sla.businessHours')} value={d.businessHours} onChange={(v) => set('businessHours', v)} />
      </fieldset>
      <FormFooter error={summary} busy={m.isPending} submitLabel={t('common.save')} onCancel={onDone} />
    </AdminForm>
  );
}
