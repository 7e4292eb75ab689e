import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { hasRole, type Role } from '#shared/schemas/common';
import { SETTINGS_SECTIONS, type SettingsSection } from './sections';

/** What the settings area gives every page (each takes what it needs of it). */
export interface SettingsPageProps {
  me: Agent;
  teams: Team[];
}

/** Who may open a page, said to someone who may not. */
export function RefusedNote({ minRole }: { minRole: Role }) {
  const { t } = useTranslation();
  return <p className="pad">{minRole === 'admin' ? t('admin.nav.forbidden') : t('admin.nav.leadsOnly')}</p>;
}

/**
 * The settings page of section `key`, opened only for the role the section names in `sections.ts`
 * (the menu obeys the same entry); anyone else reads who may, and the page's queries never run.
 */
export function settingsPage<P extends object>(key: SettingsSection['key'], Page: ComponentType<P>) {
  const minRole = SETTINGS_SECTIONS.find((s) => s.key === key)?.minRole ?? 'admin';
  return function SettingsPage(props: P & { me: Agent }) {
    return hasRole(props.me.role, minRole) ? <Page {...props} /> : <RefusedNote minRole={minRole} />;
  };
}
