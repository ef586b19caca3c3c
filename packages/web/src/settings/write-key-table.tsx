import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import type { WriteKey } from '../api/types';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../format/date-time';

interface WriteKeyTableProps {
  workspaceId: string;
  keys: WriteKey[];
  canManage: boolean;
  onShowSnippet: (keyId: string) => void;
}

export function WriteKeyTable({ workspaceId, keys, canManage, onShowSnippet }: WriteKeyTableProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (keyId: string) => api.revokeWriteKey(workspaceId, keyId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.writeKeys(workspaceId) }),
  });

  if (keys.length === 0) return <p className="empty">{t('writeKeys.empty')}</p>;
  return (
    <>
      <ErrorAlert error={revoke.error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('writeKeys.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('writeKeys.name')}</th>
              <th scope="col">{t('writeKeys.key')}</th>
              <th scope="col">{t('common.created')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>
                  <code className="secret">{key.key}</code>
                </td>
                <td>{formatDateTime(key.createdAt, i18n.language)}</td>
                <td>
                  {key.revokedAt
                    ? t('common.revokedAt', { date: formatDateTime(key.revokedAt, i18n.language) })
                    : t('common.active')}
                </td>
                <td>
                  <span className="actions">
                    {key.revokedAt ? null : (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => onShowSnippet(key.id)}
                        aria-label={t('writeKeys.showSnippetFor', { name: key.name })}
                      >
                        {t('writeKeys.showSnippet')}
                      </button>
                    )}
                    {canManage && !key.revokedAt ? (
                      <ConfirmButton
                        label={t('writeKeys.revoke')}
                        accessibleLabel={t('writeKeys.revokeNamed', { name: key.name })}
                        question={t('writeKeys.revokeQuestion', { name: key.name })}
                        onConfirm={() => revoke.mutate(key.id)}
                        pending={revoke.isPending}
                      />
                    ) : null}
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
