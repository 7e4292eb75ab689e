import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Locale, Team } from '#shared/schemas/agent';
import { RoleSchema, type Role } from '#shared/schemas/common';
import { useAgentAdmin, type AgentPatch } from '#client/api/agentAdmin';
import { LOCALE_NAMES, LOCALES } from '#client/i18n';
import { useFormErrors } from '#client/features/settings/formErrors';
import { Check, CheckboxGroup, Field } from '#client/features/settings/FormParts';

interface Draft {
  email: string;
  name: string;
  role: Role;
  password: string;
  locale: Locale;
  capacity: string;
  teamIds: number[];
  active: boolean;
}

const FIELDS = ['email', 'name', 'role', 'password', 'locale', 'capacity', 'teamIds', 'active'] as const;
const BLANK: Draft = {
  email: '',
  name: '',
  role: 'agent',
  password: '',
  locale: 'en',
  capacity: '10',
  teamIds: [],
  active: true,
};

function draftOf(a: Agent): Draft {
  return {
    email: a.email,
    name: a.name,
    role: a.role,
    password: '',
    locale: a.locale,
    capacity: String(a.capacity),
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
  if (d.active !== a.active) patch.active = d.active;
  if ([...d.teamIds].sort().join() !== [...a.teamIds].sort().join()) patch.teamIds = d.teamIds;
  return patch;
}

/** Create an agent (with an initial password) or edit one's name, role, teams, capacity and active flag. */
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
  const m = agent ? update : create;
  const errors = useFormErrors(
    m.error,
    FIELDS,
    agent ? undefined : { field: 'email', message: t('admin.agents.duplicate') },
  );
  const titleId = useId();
  const self = agent?.id === me.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
    <form className="admin-form" aria-labelledby={titleId} onSubmit={submit}>
      <h2 id={titleId} className="form-title">
        {agent ? t('admin.agents.editTitle', { name: agent.name }) : t('admin.agents.createTitle')}
      </h2>
      <div className="form-row">
        {!agent && (
          <Field label={t('admin.agents.email')} error={errors.fields.email}>
            {(a) => (
              <input
                {...a}
                type="email"
                required
                autoFocus
                autoComplete="off"
                maxLength={200}
                value={d.email}
                onChange={(e) => set('email', e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label={t('admin.agents.name')} error={errors.fields.name}>
          {(a) => (
            <input
              {...a}
              required
              autoFocus={!!agent}
              maxLength={120}
              value={d.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('admin.agents.role')}
          error={errors.fields.role}
          hint={self ? t('admin.agents.self') : undefined}
        >
          {(a) => (
            <select {...a} value={d.role} disabled={self} onChange={(e) => set('role', e.target.value as Role)}>
              {RoleSchema.options.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        {!agent && (
          <Field
            label={t('admin.agents.password')}
            hint={t('admin.agents.passwordHint')}
            error={errors.fields.password}
            className="wide"
          >
            {(a) => (
              <input
                {...a}
                type="password"
                required
                minLength={10}
                maxLength={200}
                autoComplete="new-password"
                value={d.password}
                onChange={(e) => set('password', e.target.value)}
              />
            )}
          </Field>
        )}
        {!agent && (
          <Field label={t('admin.agents.locale')} error={errors.fields.locale}>
            {(a) => (
              <select {...a} value={d.locale} onChange={(e) => set('locale', e.target.value as Locale)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('admin.agents.capacity')} hint={t('admin.agents.capacityHint')} error={errors.fields.capacity}>
          {(a) => (
            <input
              {...a}
              type="number"
              required
              min={0}
              max={500}
              step={1}
              value={d.capacity}
              onChange={(e) => set('capacity', e.target.value)}
            />
          )}
        </Field>
      </div>
      {teams.length > 0 && (
        <CheckboxGroup
          legend={t('admin.agents.teams')}
          options={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
          value={d.teamIds}
          onChange={(v) => set('teamIds', v)}
          error={errors.fields.teamIds}
        />
      )}
      {agent && (
        <Check
          label={t('admin.agents.active')}
          hint={t('admin.agents.activeHint')}
          checked={d.active}
          disabled={self}
          onChange={(v) => set('active', v)}
        />
      )}
      {errors.summary && (
        <p className="error small" role="alert">
          {errors.summary}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={m.isPending}>
          {agent ? t('common.save') : t('admin.agents.create')}
        </button>
      </div>
    </form>
  );
}
