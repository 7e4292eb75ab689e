import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/schemas/agent';
import { useMe } from './api/auth';
import { guessLocale, setLocale } from './i18n';
import { LoginPage } from './features/login/LoginPage';
import { InboxPage } from './features/inbox/InboxPage';
import { RealtimeProvider } from './realtime/RealtimeProvider';
import { usePath } from './router';
import { TranscriptPage } from './features/transcript/TranscriptPage';

/** Load the agent's UI language (a separate chunk) before showing anything in it. */
function useLocaleReady(locale: Locale): boolean {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(i18n.language === locale);
  useEffect(() => {
    let live = true;
    void setLocale(locale).finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [locale]);
  return ready || i18n.language === locale;
}

/** Top level: sign-in, or the live workspace for the signed-in agent, in their language. */
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const path = usePath();
  const ready = useLocaleReady(me.data ? me.data.agent.locale : guessLocale());
  if (me.isPending || !ready) return <p className="center">{t('app.loading')}</p>;
  if (!me.data) return <LoginPage />;
  // A transcript is a page of its own (no workspace around it), so it prints cleanly.
  if (path.startsWith('/transcript/')) return <TranscriptPage me={me.data.agent} />;
  return (
    <RealtimeProvider myId={me.data.agent.id}>
      <InboxPage me={me.data.agent} />
    </RealtimeProvider>
  );
}
