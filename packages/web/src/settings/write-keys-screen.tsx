import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageWriteKeys } from '../access/permissions';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import { ErrorAlert } from '../components/error-alert';
import { readForm, TextField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { InstallSnippet } from './install-snippet';
import { WriteKeyTable } from './write-key-table';

export function useWriteKeys(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.writeKeys(workspaceId),
    queryFn: () => api.listWriteKeys(workspaceId),
    select: (list) => list.items,
    enabled,
  });
}

export function WriteKeysScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const workspaceId = current.workspace.id;
  const canManage = canManageWriteKeys(current.role);
  const keys = useWriteKeys(workspaceId);
  const [chosenKeyId, setChosenKeyId] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (name: string) => api.createWriteKey(workspaceId, { name }),
    onSuccess: async (created) => {
      setChosenKeyId(created.id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.writeKeys(workspaceId) });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(readForm(form, ['name']).name, { onSuccess: () => form.reset() });
  };

  const active = (keys.data ?? []).filter((key) => !key.revokedAt);
  const shown = active.find((key) => key.id === chosenKeyId) ?? active[0];

  return (
    <>
      <PageHeading>{t('writeKeys.title')}</PageHeading>
      <p className="lead">{t('writeKeys.intro')}</p>
      {canManage ? (
        <section className="panel" aria-labelledby="create-write-key">
          <h2 id="create-write-key">{t('writeKeys.createTitle')}</h2>
          <form className="form form-inline" onSubmit={submit}>
            <TextField label={t('writeKeys.name')} hint={t('writeKeys.nameHint')} name="name" required />
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {t('writeKeys.create')}
            </button>
          </form>
          <ErrorAlert error={create.error} />
        </section>
      ) : null}
      <ErrorAlert error={keys.error} />
      {keys.data ? (
        <WriteKeyTable
          workspaceId={workspaceId}
          keys={keys.data}
          canManage={canManage}
          onShowSnippet={setChosenKeyId}
        />
      ) : null}
      {shown ? (
        <section className="panel" aria-labelledby="write-key-snippet">
          <h2 id="write-key-snippet">{t('writeKeys.snippetTitle', { name: shown.name })}</h2>
          <InstallSnippet writeKey={shown.key} />
        </section>
      ) : null}
    </>
  );
}
