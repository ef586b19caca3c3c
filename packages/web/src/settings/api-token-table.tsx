import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import type { ApiToken } from '../api/types';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../format/date-time';
import { useRoleLabel } from './role-options';

export function ApiTokenTable({ workspaceId, tokens }: { workspaceId: string; tokens: ApiToken[] }) {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (tokenId: string) => api.revokeApiToken(workspaceId, tokenId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens(workspaceId) }),
  });
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);

  if (tokens.length === 0) return <p className="empty">{t('apiTokens.empty')}</p>;
  return (
    <>
      <ErrorAlert error={revoke.error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('apiTokens.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apiTokens.name')}</th>
              <th scope="col">{t('apiTokens.role')}</th>
              <th scope="col">{t('apiTokens.prefix')}</th>
              <th scope="col">{t('common.created')}</th>
              <th scope="col">{t('apiTokens.lastUsed')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{roleLabel(token.role)}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{date(token.createdAt)}</td>
                <td>{token.lastUsedAt ? date(token.lastUsedAt) : t('apiTokens.neverUsed')}</td>
                <td>
                  {token.revokedAt
                    ? t('common.revokedAt', { date: date(token.revokedAt) })
                    : t('common.active')}
                </td>
                <td>
                  <span className="actions">
                    {token.revokedAt ? null : (
                      <ConfirmButton
                        label={t('apiTokens.revoke')}
                        accessibleLabel={t('apiTokens.revokeNamed', { name: token.name })}
                        question={t('apiTokens.revokeQuestion', { name: token.name })}
                        onConfirm={() => revoke.mutate(token.id)}
                        pending={revoke.isPending}
                      />
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
