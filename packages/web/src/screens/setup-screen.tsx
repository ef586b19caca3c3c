import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { forgetAccountData, queryKeys } from '../api/queries';
import { ErrorAlert } from '../components/error-alert';
import { readForm, TextField } from '../components/field';
import { navigate } from '../routing/router';
import { AuthLayout } from './auth-layout';

/** First run: creates the first user (owner) and workspace, and signs them in. */
export function SetupScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useMutation({
    mutationFn: api.setup,
    onSuccess: async ({ workspace }) => {
      forgetAccountData(queryClient);
      queryClient.setQueryData(queryKeys.setup, { needed: false });
      navigate({ name: 'overview', workspaceId: workspace.id }, { replace: true });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = readForm(event.currentTarget, ['workspaceName', 'name', 'email', 'password']);
    setup.mutate({
      workspaceName: values.workspaceName,
      email: values.email,
      password: values.password,
      ...(values.name ? { name: values.name } : {}),
    });
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('setup.workspaceName')} name="workspaceName" required maxLength={200} />
        <TextField label={t('setup.name')} name="name" autoComplete="name" maxLength={200} />
        <TextField label={t('setup.email')} name="email" type="email" autoComplete="email" required />
        <TextField
          label={t('setup.password')}
          hint={t('setup.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
        />
        <ErrorAlert error={setup.error} />
        <button type="submit" className="button button-primary" disabled={setup.isPending}>
          {setup.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
