import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Locale } from '#shared/schemas/agent';
import { useLogout, useUpdateMe } from '#client/api/auth';
import { Avatar } from '#client/components/Avatar';
import { Icon } from '#client/components/Icon';
import { setLocale } from '#client/i18n';
import { LocaleOptions } from '#client/i18n/LocaleOptions';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { usePresenceMap } from '#client/realtime/usePresence';
import { usePath } from '#client/router';
import { AppLink } from '#client/components/AppLink';
import { sectionsFor } from '#client/features/settings/sections';
import { useNewReviewCount } from '#client/api/reviews';
import { CustomerSearch, type SearchHandle } from './CustomerSearch';

/** Brand, search, my status, alerts, language, shortcuts and logout. */
export function Topbar(p: {
  me: Agent;
  search: Ref<SearchHandle>;
  muted: boolean;
  setMuted(m: boolean): void;
  permission: string;
  requestPermission(): void;
  openHelp(): void;
  openPalette(): void;
}) {
  const { t } = useTranslation();
  const rt = useRealtime();
  const logout = useLogout();
  const updateMe = useUpdateMe();
  const presence = usePresenceMap()[p.me.id] ?? 'online';
  const settingsHome = sectionsFor(p.me.role)[0]?.path;
  const path = usePath();
  const inSettings = path.startsWith('/settings/');
  const newReviews = useNewReviewCount(p.me);
  const changeLocale = (l: Locale) => {
    void setLocale(l);
    updateMe.mutate({ locale: l });
  };
  return (
    <header className="topbar">
      <AppLink className="brand" to="/">
        {t('app.name')}
      </AppLink>
      <CustomerSearch handle={p.search} />
      {!rt.connected && (
        <span className="offline" role="status">
          {t('app.offline')}
        </span>
      )}
      <span className="spacer" />
      <button
        type="button"
        className="top-button"
        onClick={p.openPalette}
        aria-keyshortcuts="Control+K"
        title={t('palette.open')}
      >
        <Icon name="keyboard" size={15} /> <span className="kbd-hint">Ctrl K</span>
      </button>
      <button
        type="button"
        className="top-button"
        onClick={p.openHelp}
        aria-keyshortcuts="?"
        aria-label={t('help.title')}
        title={t('help.title')}
      >
        ?
      </button>
      {p.permission === 'default' && (
        <button type="button" className="top-button" onClick={p.requestPermission}>
          {t('notify.enable')}
        </button>
      )}
      <button
        type="button"
        className="top-button"
        aria-pressed={p.muted}
        onClick={() => p.setMuted(!p.muted)}
        aria-label={p.muted ? t('notify.unmute') : t('notify.mute')}
        title={p.muted ? t('notify.unmute') : t('notify.mute')}
      >
        <Icon name={p.muted ? 'bellOff' : 'bell'} size={15} />
      </button>
      <label className="top-select">
        <span className="sr-only">{t('settings.language')}</span>
        <select value={p.me.locale} onChange={(e) => changeLocale(e.target.value as Locale)}>
          <LocaleOptions />
        </select>
      </label>
      <span className="me">
        <Avatar name={p.me.name} size={24} presence={presence} />
        <label className="top-select">
          <span className="sr-only">{t('presence.label')}</span>
          <select
            value={presence === 'away' ? 'away' : 'online'}
            onChange={(e) => rt.setPresence(e.target.value as 'online' | 'away')}
          >
            <option value="online">{t('presence.online')}</option>
            <option value="away">{t('presence.away')}</option>
          </select>
        </label>
      </span>
      <AppLink className="top-link" to="/reports" aria-current={path === '/reports' ? 'page' : undefined}>
        {t('reports.open')}
        {newReviews > 0 && (
          <>
            <span className="top-count" aria-hidden="true" title={t('reports.newReviews', { count: newReviews })}>
              {newReviews}
            </span>
            <span className="sr-only">{`, ${t('reports.newReviews', { count: newReviews })}`}</span>
          </>
        )}
      </AppLink>
      {settingsHome && (
        <AppLink className="top-link" to={settingsHome} aria-current={inSettings ? 'page' : undefined}>
          {t('admin.nav.open')}
        </AppLink>
      )}
      <button type="button" className="top-link" onClick={() => logout.mutate()}>
        {t('app.logout')}
      </button>
    </header>
  );
}
