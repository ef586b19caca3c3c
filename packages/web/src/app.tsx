import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSetupStatus } from './api/queries';
import type { Me } from './api/types';
import { ErrorAlert } from './components/error-alert';
import { SignedInApp } from './frame/signed-in-app';
import { adoptAccountLocale } from './i18n/setup-i18n';
import { navigate, useRoute } from './routing/router';
import { LoginScreen } from './screens/login-screen';
import { SetupScreen } from './screens/setup-screen';

/** Decides between first-run setup, sign-in and the app, from the server's answers and the URL only. */
export function App() {
  const route = useRoute();
  const setup = useSetupStatus();
  const setupNeeded = setup.data?.needed;
  const session = useSession(setupNeeded === false);

  useEffect(() => {
    if (setupNeeded === true && route.name !== 'setup') navigate({ name: 'setup' }, { replace: true });
    if (setupNeeded === false && route.name === 'setup') navigate({ name: 'login' }, { replace: true });
  }, [setupNeeded, route.name]);

  if (setup.isError) return <StartupProblem error={setup.error} />;
  if (setupNeeded === undefined) return <Loading />;
  if (setupNeeded) return <SetupScreen />;
  if (session.isError) return <StartupProblem error={session.error} />;
  if (session.data === undefined) return <Loading />;
  if (session.data === null) return <LoginScreen />;
  return <SignedIn me={session.data} />;
}

function SignedIn({ me }: { me: Me }) {
  const { i18n } = useTranslation();
  const locale = me.user?.locale;
  useEffect(() => adoptAccountLocale(i18n, locale), [i18n, locale]);
  return <SignedInApp me={me} />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function StartupProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="auth-card">
      <h1>{t('startup.title')}</h1>
      <ErrorAlert error={error} />
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {t('startup.retry')}
      </button>
    </main>
  );
}
