import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { forgetAccountData, queryKeys } from '../api/queries';
import { ErrorAlert } from '../components/error-alert';
import { readForm, TextField } from '../components/field';
import { navigate, useRoute } from '../routing/router';
import { AuthLayout } from './auth-layout';

/** Shown at any address while signed out, so after signing in the person lands where they were going. */
export function LoginScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const route = useRoute();
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) => api.login(values.email, values.password),
    onSuccess: async () => {
      forgetAccountData(queryClient);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      if (route.name === 'login' || route.name === 'setup') navigate({ name: 'home' }, { replace: true });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(readForm(event.currentTarget, ['email', 'password']));
  };

  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('login.email')} name="email" type="email" autoComplete="username" required />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorAlert error={login.error} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
