import { useTranslation } from 'react-i18next';
import { useMe } from './api/auth';
import { LoginPage } from './features/login/LoginPage';
import { InboxPage } from './features/inbox/InboxPage';
import { RealtimeProvider } from './realtime/RealtimeProvider';

/** Top level: sign-in, or the live workspace for the signed-in agent. */
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <p className="center">{t('app.loading')}</p>;
  if (!me.data) return <LoginPage />;
  return (
    <RealtimeProvider myId={me.data.agent.id}>
      <InboxPage me={me.data.agent} />
    </RealtimeProvider>
  );
}
