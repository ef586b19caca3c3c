import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import type { WorkspaceInput } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { readForm } from '../components/field';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { WorkspaceFields } from './workspace-fields';

export function WorkspaceSettingsScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { workspace } = current;
  const save = useMutation({
    mutationFn: (changes: WorkspaceInput) => api.updateWorkspace(workspace.id, changes),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.workspaces }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(readForm(event.currentTarget, ['name', 'timeZone', 'defaultLocale']));
  };

  return (
    <>
      <PageHeading>{t('workspaceSettings.title')}</PageHeading>
      {/* Keyed by id so switching workspace resets the uncontrolled fields to the other workspace's values. */}
      <form key={workspace.id} className="form" onSubmit={submit}>
        <WorkspaceFields
          name={workspace.name}
          timeZone={workspace.timeZone}
          defaultLocale={workspace.defaultLocale}
        />
        <ErrorAlert error={save.error} />
        <p role="status" className="status">
          {save.isSuccess ? t('workspaceSettings.saved') : ''}
        </p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('workspaceSettings.submit')}
        </button>
      </form>
    </>
  );
}
