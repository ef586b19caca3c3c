import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import { ErrorAlert } from '../components/error-alert';
import { readForm } from '../components/field';
import { PageHeading } from '../components/page-heading';
import { pickLanguage } from '../i18n/language';
import { navigate } from '../routing/router';
import { defaultTimeZone } from '../settings/time-zones';
import { WorkspaceFields } from '../settings/workspace-fields';

export function NewWorkspaceScreen() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: api.createWorkspace,
    onSuccess: async (workspace) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.workspaces }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
      navigate({ name: 'overview', workspaceId: workspace.id });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(readForm(event.currentTarget, ['name', 'timeZone', 'defaultLocale']));
  };

  return (
    <>
      <PageHeading>{t('newWorkspace.title')}</PageHeading>
      <p className="lead">{t('newWorkspace.intro')}</p>
      <form className="form" onSubmit={submit}>
        <WorkspaceFields timeZone={defaultTimeZone} defaultLocale={pickLanguage([i18n.language])} />
        <ErrorAlert error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('newWorkspace.submit')}
        </button>
      </form>
    </>
  );
}
