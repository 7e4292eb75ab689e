import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { useSaveTeamConfig, useTeamConfig, type TeamConfig } from '#client/api/teamAdmin';
import { focusFirstInvalid } from '#client/features/settings/focus';
import { DialogFooter } from '#client/components/DialogFooter';
import { AdminForm } from '#client/features/settings/AdminForm';
import { useFormErrors } from '#client/features/settings/formErrors';
import { ScheduleEditor } from './ScheduleEditor';
import { hasScheduleProblems, scheduleDraftOf, scheduleOf } from './scheduleDraft';
import { TeamSettingsFields, thresholdOf, type SettingsDraft } from './TeamSettingsFields';
import { RoutingRulesFields, rulesDraftOf, rulesOf } from './RoutingRulesFields';
import { useTeams } from '#client/api/directory';

function Editor({
  team,
  config,
  canEdit,
  onClose,
}: {
  team: Team;
  config: TeamConfig;
  canEdit: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const save = useSaveTeamConfig(team.id);
  const [schedule, setSchedule] = useState(() => scheduleDraftOf(config.schedule));
  const [settings, setSettings] = useState<SettingsDraft>(() => ({
    ...config.settings,
    sentimentThreshold: String(config.settings.sentimentThreshold),
  }));
  const [rules, setRules] = useState(() => rulesDraftOf(config.settings.routing));
  const teams = useTeams().data ?? [];
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const server = useFormErrors(save.error, []);
  const threshold = thresholdOf(settings);
  const routing = rulesOf(rules);
  const invalid = hasScheduleProblems(schedule) || threshold === null || routing === null;
  const edit =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setSaved(false);
      setter(v);
    };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (invalid || threshold === null || routing === null) return focusFirstInvalid(e.currentTarget);
    save.mutate(
      { businessHours: scheduleOf(schedule), settings: { ...settings, sentimentThreshold: threshold, routing } },
      { onSuccess: () => setSaved(true) },
    );
  };
  const summary = tried && invalid ? t('admin.form.invalid') : server.summary;
  return (
    <AdminForm title={t('admin.teams.configTitle', { team: team.name })} onSubmit={submit} noValidate>
      <fieldset className="bare" disabled={!canEdit}>
        <ScheduleEditor value={schedule} showErrors={tried} onChange={edit(setSchedule)} />
        <TeamSettingsFields value={settings} onChange={edit(setSettings)} />
        <RoutingRulesFields team={team} teams={teams} value={rules} onChange={edit(setRules)} />
      </fieldset>
      <DialogFooter error={summary}>
        <p role="status" className="ok-note">
          {saved ? t('admin.form.saved') : ''}
        </p>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        {canEdit && (
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('admin.teams.saveConfig')}
          </button>
        )}
      </DialogFooter>
    </AdminForm>
  );
}

/** A team's business hours and settings: editable by admins, read-only for leads. */
export function TeamConfigForm({ team, canEdit, onClose }: { team: Team; canEdit: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const cfg = useTeamConfig(team.id);
  if (cfg.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (cfg.isError)
    return (
      <p className="error" role="alert">
        {t('admin.form.loadFailed', { reason: cfg.error.message })}
      </p>
    );
  return <Editor key={team.id} team={team} config={cfg.data} canEdit={canEdit} onClose={onClose} />;
}
