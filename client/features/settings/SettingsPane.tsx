import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { RouteBoundary } from '#client/components/ErrorBoundary';
import { AppLink } from '#client/components/AppLink';
import { sectionOfPath, sectionsFor, type SettingsSection } from './sections';
import { RefusedNote, type SettingsPageProps } from './settingsPage';

// Each page is its own chunk: agents who never open settings never download them.
const PAGES: Record<SettingsSection['key'], LazyExoticComponent<ComponentType<SettingsPageProps>>> = {
  canned: lazy(() => import('./CannedSettings')),
  agents: lazy(() => import('./agents/AgentsSettings')),
  teams: lazy(() => import('./teams/TeamsSettings')),
  sla: lazy(() => import('./sla/SlaSettings')),
  scorecards: lazy(() => import('./scorecards/ScorecardsSettings')),
  predictions: lazy(() => import('./predictions/PredictionReport')),
  routing: lazy(() => import('./routing/RoutingSettings')),
  apiKeys: lazy(() => import('./apiKeys/ApiKeysSettings')),
  webhooks: lazy(() => import('./webhooks/WebhooksSettings')),
  audit: lazy(() => import('./audit/AuditSettings')),
};

/** The settings area: a menu of the pages this person may open and the current page. */
export function SettingsPane({ me, teams, path }: { me: Agent; teams: Team[]; path: string }) {
  const { t } = useTranslation();
  const sections = sectionsFor(me.role);
  const current = sectionOfPath(path);
  const allowed = current && sections.includes(current);
  const Page = allowed ? PAGES[current.key] : null;
  return (
    <main className="settings-pane">
      {sections.length > 0 && (
        <nav className="settings-nav" aria-label={t('admin.nav.label')}>
          <ul>
            {sections.map((s) => (
              <li key={s.key}>
                <AppLink to={s.path} aria-current={s === current ? 'page' : undefined}>
                  {t(s.labelKey)}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <RouteBoundary resetKey={path}>
        <Suspense fallback={<p className="center muted">{t('app.loading')}</p>}>
          {Page ? (
            <Page me={me} teams={teams} />
          ) : current ? (
            <RefusedNote minRole={current.minRole} />
          ) : (
            <p className="pad">{t('admin.nav.notFound')}</p>
          )}
        </Suspense>
      </RouteBoundary>
    </main>
  );
}
