import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Locale, Team } from '#shared/schemas/agent';
import { RoleSchema, type Role } from '#shared/schemas/common';
import { useAgentAdmin, type AgentPatch } from '#client/api/agentAdmin';
import { LOCALE_OPTIONS } from '#client/i18n/localeOptions';
import { optionsOf } from '#client/components/Select';
import { useFormErrors } from '#client/features/settings/formErrors';
import { AdminForm, FormFooter } from '#client/features/settings/AdminForm';
import { Check, InputField, SelectField, TeamChecks } from '#client/features/settings/FormParts';
import {
  asyncCapacityOf,
  BLANK_ROUTING,
  RoutingFields,
  routingDraftOf,
  sameSet,
  skillsOf,
  tiersInvalid,
  languagesInvalid,
  type RoutingDraft,
} from './RoutingFields';

interface Draft extends RoutingDraft {
  email: string;
  name: string;
  role: Role;
  password: string;
  locale: Locale;
  teamIds: number[];
  active: boolean;
}

const FIELDS = [
  'email',
  'name',
  'role',
  'password',
  'locale',
  'capacity',
  'asyncCapacity',
  'languages',
  'skills',
  'teamIds',
  'active',
] as const;
const BLANK: Draft = {
  ...BLANK_ROUTING,
  email: '',
  name: '',
  role: 'agent',
  password: '',
  locale: 'en',
  teamIds: [],
  active: true,
};

function draftOf(a: Agent): Draft {
  return {
    ...routingDraftOf(a),
    email: a.email,
    name: a.name,
    role: a.role,
    password: '',
    locale: a.locale,
    teamIds: a.teamIds,
    active: a.active,
  };
}

/** Only what the admin actually changed, so a save never overwrites someone else's edit of another field. */
function changesOf(a: Agent, d: Draft): AgentPatch {
  const patch: AgentPatch = {};
  if (d.name.trim() !== a.name) patch.name = d.name.trim();
  if (d.role !== a.role) patch.role = d.role;
  if (Number(d.capacity) !== a.capacity) patch.capacity = Number(d.capacity);
  if (asyncCapacityOf(d) !== a.asyncCapacity) patch.asyncCapacity = asyncCapacityOf(d);
  if (!sameSet(d.languages, a.languages)) patch.languages = d.languages;
  if (!sameSet(skillsOf(d), a.skills)) patch.skills = skillsOf(d);
  if (d.active !== a.active) patch.active = d.active;
  if ([...d.teamIds].sort().join() !== [...a.teamIds].sort().join()) patch.teamIds = d.teamIds;
  return patch;
}

/** Create an agent (with an initial password) or edit one's name, role, teams, limits, languages, skills and active flag. */
export function AgentForm({
  agent,
  me,
  teams,
  onDone,
}: {
  agent?: Agent;
  me: Agent;
  teams: Team[];
  onDone(saved: Agent | null): void;
}) {
  const { t } = useTranslation();
  const { create, update } = useAgentAdmin();
  const [d, setD] = useState<Draft>(() => (agent ? draftOf(agent) : BLANK));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((o) => ({ ...o, [k]: v }));
  /** Value and change handler of a text-typed input kept in the draft. */
  const bind = (k: 'email' | 'name' | 'password') => ({
    value: d[k],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.target.value),
  });
  const m = agent ? update : create;
  const errors = useFormErrors(
    m.error,
    FIELDS,
    agent ? undefined : { field: 'email', message: t('admin.agents.duplicate') },
  );
  const self = agent?.id === me.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tiersInvalid(d) || languagesInvalid(d)) return;
    const done = { onSuccess: (a: Agent) => onDone(a) };
    if (!agent) {
      create.mutate(
        {
          email: d.email.trim(),
          name: d.name.trim(),
          role: d.role,
          password: d.password,
          locale: d.locale,
          capacity: Number(d.capacity),
          asyncCapacity: asyncCapacityOf(d),
          languages: d.languages,
          skills: skillsOf(d),
          teamIds: d.teamIds,
        },
        done,
      );
      return;
    }
    const patch = changesOf(agent, d);
    if (Object.keys(patch).length === 0) onDone(null);
    else update.mutate({ id: agent.id, patch }, done);
  };
  return (
    <AdminForm
      title={agent ? t('admin.agents.editTitle', { name: agent.name }) : t('admin.agents.createTitle')}
      onSubmit={submit}
    >
      <div className="form-row">
        {!agent && (
          <InputField
            label={t('admin.agents.email')}
            error={errors.fields.email}
            type="email"
            required
            autoFocus
            autoComplete="off"
            maxLength={200}
            {...bind('email')}
          />
        )}
        <InputField
          label={t('admin.agents.name')}
          error={errors.fields.name}
          required
          autoFocus={!!agent}
          maxLength={120}
          {...bind('name')}
        />
        <SelectField
          label={t('admin.agents.role')}
          error={errors.fields.role}
          hint={self ? t('admin.agents.self') : undefined}
          value={d.role}
          disabled={self}
          options={optionsOf(RoleSchema.options, (r) => t(`admin.roles.${r}`))}
          onChange={(r) => set('role', r)}
        />
      </div>
      {!agent && (
        <div className="form-row">
          <InputField
            label={t('admin.agents.password')}
            hint={t('admin.agents.passwordHint')}
            error={errors.fields.password}
            className="wide"
            type="password"
            required
            minLength={10}
            maxLength={200}
            autoComplete="new-password"
            {...bind('password')}
          />
          <SelectField
            label={t('admin.agents.locale')}
            error={errors.fields.locale}
            value={d.locale}
            options={LOCALE_OPTIONS}
            onChange={(l) => set('locale', l)}
          />
        </div>
      )}
      <RoutingFields value={d} onChange={(v) => setD((o) => ({ ...o, ...v }))} errors={errors.fields} />
      <TeamChecks
        legend={t('admin.agents.teams')}
        teams={teams}
        value={d.teamIds}
        onChange={(v) => set('teamIds', v)}
        error={errors.fields.teamIds}
      />
      {agent && (
        <Check
          label={t('admin.agents.active')}
          hint={t('admin.agents.activeHint')}
          value={d.active}
          disabled={self}
          onChange={(v) => set('active', v)}
        />
      )}
      <FormFooter
        error={errors.summary}
        busy={m.isPending}
        submitLabel={agent ? t('common.save') : t('admin.agents.create')}
        onCancel={() => onDone(null)}
      />
    </AdminForm>
  );
}
