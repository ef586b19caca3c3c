import { useTranslation } from 'react-i18next';
import { canManageWriteKeys, canReadWriteKeys } from '../access/permissions';
import { ErrorAlert } from '../components/error-alert';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { Link } from '../routing/router';
import { InstallSnippet } from '../settings/install-snippet';
import { useWriteKeys } from '../settings/write-keys-screen';

/** How to send the first event: shown while a workspace has none, so it starts with a path instead of empty charts. */
export function FirstEventGuide({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const readable = canReadWriteKeys(current.role);
  const keys = useWriteKeys(workspaceId, readable);
  const key = keys.data?.find((candidate) => !candidate.revokedAt);

  if (!readable) return <p>{t('overview.askForKey')}</p>;
  if (keys.isError) return <ErrorAlert error={keys.error} />;
  if (!keys.data) return <p role="status">{t('common.loading')}</p>;
  if (!key) {
    return canManageWriteKeys(current.role) ? (
      <ol className="steps">
        <li>
          {t('overview.stepCreateKey')}{' '}
          <Link to={{ name: 'settings', workspaceId, page: 'write-keys' }}>
            {t('overview.createKeyLink')}
          </Link>
        </li>
        <li>{t('overview.stepInstall')}</li>
        <li>{t('overview.stepCheck')}</li>
      </ol>
    ) : (
      <p>{t('overview.askAdminForKey')}</p>
    );
  }
  return (
    <ol className="steps">
      <li>{t('overview.stepUseKey', { name: key.name })}</li>
      <li>
        {t('overview.stepInstall')}
        <InstallSnippet writeKey={key.key} />
      </li>
      <li>{t('overview.stepCheck')}</li>
    </ol>
  );
}
