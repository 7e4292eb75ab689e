import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Locale } from '#shared/schemas/agent';
import { useLogout, useUpdateMe } from '#client/api/auth';
import { Avatar } from '#client/components/Avatar';
import { Icon } from '#client/components/Icon';
import { setLocale } from '#client/i18n';
import { LOCALE_OPTIONS } from '#client/i18n/localeOptions';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { usePresenceMap } from '#client/realtime/usePresence';
import { usePath } from '#client/router';
import { AppLink } from '#client/components/AppLink';
import { sectionsFor } from '#client/features/settings/sections';
import { useNewReviewCount } from '#client/api/reviews';
import { CustomerSearch, type SearchHandle } from './CustomerSearch';
import { Select } from '#client/components/Select';

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
        <Select value={p.me.locale} options={LOCALE_OPTIONS} onChange={changeLocale} />
      </label>
      <span className="me">
        <Avatar name={p.me.name} size={24} presence={presence} />
        <label className="top-select">
          <span className="sr-only">{t('presence.label')}</span>
          <Select
            value={presence === 'away' ? 'away' : 'online'}
            options={[
              { value: 'online', label: t('presence.online') },
              { value: 'away', label: t('presence.away') },
            ]}
            onChange={(v) => rt.setPresence(v)}
          />
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
