import type { Role } from '#shared/schemas/common';
import { hasRole } from '#shared/schemas/common';

/** One settings page: its address, the i18n key of its name, and who may open it. */
export interface SettingsSection {
  key:
    'canned' | 'agents' | 'teams' | 'sla' | 'scorecards' | 'routing' | 'predictions' | 'apiKeys' | 'webhooks' | 'audit';
  path: string;
  labelKey: string;
  minRole: Role;
}

/** Settings pages in menu order. Leads may look at agents, teams, SLA and scorecards (the server lets everyone read them); channel routing, API keys, webhooks and the audit log are admins' only; leads see the prediction calibration report. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: 'canned', path: '/settings/canned', labelKey: 'canned.title', minRole: 'lead' },
  { key: 'agents', path: '/settings/agents', labelKey: 'admin.nav.agents', minRole: 'lead' },
  { key: 'teams', path: '/settings/teams', labelKey: 'admin.nav.teams', minRole: 'lead' },
  { key: 'sla', path: '/settings/sla', labelKey: 'admin.nav.sla', minRole: 'lead' },
  { key: 'scorecards', path: '/settings/scorecards', labelKey: 'reports.cards.title', minRole: 'lead' },
  { key: 'predictions', path: '/settings/predictions', labelKey: 'admin.nav.predictions', minRole: 'lead' },
  { key: 'routing', path: '/settings/routing', labelKey: 'admin.nav.routing', minRole: 'admin' },
  { key: 'apiKeys', path: '/settings/api-keys', labelKey: 'admin.nav.apiKeys', minRole: 'admin' },
  { key: 'webhooks', path: '/settings/webhooks', labelKey: 'webhooks.title', minRole: 'admin' },
  { key: 'audit', path: '/settings/audit', labelKey: 'audit.title', minRole: 'admin' },
];

/** The settings pages a role may open. */
export function sectionsFor(role: Role): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => hasRole(role, s.minRole));
}

/** The section an address belongs to ("/settings/teams" → teams), or undefined. */
export function sectionOfPath(path: string): SettingsSection | undefined {
  return SETTINGS_SECTIONS.find((s) => path === s.path || path.startsWith(`${s.path}/`));
}
