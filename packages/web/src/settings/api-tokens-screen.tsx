import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantableRoles } from '../access/permissions';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import { type CreatedApiToken, isRole } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { readForm, SelectField, TextField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { ApiTokenTable } from './api-token-table';
import { NewSecretPanel } from './new-secret-panel';
import { RoleOptions } from './role-options';

export function ApiTokensScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const workspaceId = current.workspace.id;
  const roles = grantableRoles(current.role);
  const tokens = useQuery({
    queryKey: queryKeys.apiTokens(workspaceId),
    queryFn: () => api.listApiTokens(workspaceId),
    select: (list) => list.items,
  });
  // The secret lives only in this component's state: never in the query cache, gone when the page is left.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const create = useMutation({
    mutationFn: (input: Parameters<typeof api.createApiToken>[1]) => api.createApiToken(workspaceId, input),
    onSuccess: async (token) => {
      setCreated(token);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens(workspaceId) });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { name, role } = readForm(form, ['name', 'role']);
    if (!isRole(role)) return;
    create.mutate({ name, role }, { onSuccess: () => form.reset() });
  };

  return (
    <>
      <PageHeading>{t('apiTokens.title')}</PageHeading>
      <p className="lead">{t('apiTokens.intro')}</p>
      {created ? (
        <NewSecretPanel
          title={t('apiTokens.createdTitle', { name: created.name })}
          warning={t('apiTokens.shownOnce')}
          secretLabel={t('apiTokens.token')}
          secret={created.token}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <section className="panel" aria-labelledby="create-api-token">
        <h2 id="create-api-token">{t('apiTokens.createTitle')}</h2>
        <form className="form form-inline" onSubmit={submit}>
          <TextField label={t('apiTokens.name')} hint={t('apiTokens.nameHint')} name="name" required />
          <SelectField label={t('apiTokens.role')} name="role" defaultValue="viewer">
            <RoleOptions roles={roles} />
          </SelectField>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('apiTokens.create')}
          </button>
        </form>
        <ErrorAlert error={create.error} />
      </section>
      <ErrorAlert error={tokens.error} />
      {tokens.data ? <ApiTokenTable workspaceId={workspaceId} tokens={tokens.data} /> : null}
    </>
  );
}
