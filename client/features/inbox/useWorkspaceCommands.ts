import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { LOCALE_NAMES, LOCALES, setLocale } from '#client/i18n';
import { useUpdateMe } from '#client/api/auth';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { navigate } from '#client/router';
import type { Command } from '#client/features/keyboard/CommandPalette';
import { sectionsFor } from '#client/features/settings/sections';
import { useThreadCommands } from '#client/features/keyboard/threadCommands';
import { STATUS_VIEWS, type ViewKey } from './views';

/** Everything the command palette offers, in the agent's language. */
export function useWorkspaceCommands(p: {
  me: Agent;
  teams: Team[];
  setView(v: ViewKey): void;
  muted: boolean;
  setMuted(m: boolean): void;
  openHelp(): void;
  hasThread: boolean;
}): Command[] {
  const { t } = useTranslation();
  const rt = useRealtime();
  const updateMe = useUpdateMe();
  const thread = useThreadCommands();
  const cmds: Command[] = [];
  if (p.hasThread) {
    cmds.push(
      { id: 'reply', label: t('palette.reply'), keys: 'r', run: () => thread()?.reply() },
      { id: 'note', label: t('palette.note'), keys: 'n', run: () => thread()?.note() },
      { id: 'resolve', label: t('palette.resolve'), keys: 'e', run: () => thread()?.resolve() },
      { id: 'reopen', label: t('palette.reopen'), run: () => thread()?.reopen() },
      { id: 'take', label: t('palette.take'), keys: 'a', run: () => thread()?.take() },
      { id: 'panel', label: t('palette.customer'), keys: 'i', run: () => thread()?.toggleCustomer() },
    );
  }
  const go = (v: ViewKey, label: string) =>
    cmds.push({ id: `view-${v}`, label: t('palette.goTo', { view: label }), run: () => p.setView(v) });
  go('mine', t('views.mine'));
  go('unassigned', t('views.unassigned'));
  go('all', t('views.all'));
  for (const tm of p.teams) go(`team:${tm.id}`, tm.name);
  for (const s of STATUS_VIEWS) go(`status:${s}`, t(`status.${s}`));
  cmds.push(
    {
      id: 'online',
      label: t('palette.presence', { status: t('presence.online') }),
      run: () => rt.setPresence('online'),
    },
    { id: 'away', label: t('palette.presence', { status: t('presence.away') }), run: () => rt.setPresence('away') },
    { id: 'mute', label: p.muted ? t('notify.unmute') : t('notify.mute'), run: () => p.setMuted(!p.muted) },
    { id: 'help', label: t('help.title'), keys: '?', run: p.openHelp },
  );
  for (const l of LOCALES) {
    if (l !== p.me.locale)
      cmds.push({
        id: `lang-${l}`,
        label: t('palette.language', { language: LOCALE_NAMES[l] }),
        run: () => {
          void setLocale(l);
          updateMe.mutate({ locale: l });
        },
      });
  }
  for (const s of sectionsFor(p.me.role))
    cmds.push({
      id: `settings-${s.key}`,
      label: t('admin.nav.goTo', { page: t(s.labelKey) }),
      run: () => navigate(s.path),
    });
  return cmds;
}
