import { useTranslation } from 'react-i18next';
import { canManageWriteKeys, canReadWriteKeys } from '../access/permissions';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { languageNames, pickLanguage } from '../i18n/language';
import { Link } from '../routing/router';
import { InstallSnippet } from '../settings/install-snippet';
import { useRoleLabel } from '../settings/role-options';
import { useWriteKeys } from '../settings/write-keys-screen';

/**
 * The workspace's start page. Reports do not exist yet, so it says plainly which data is missing and walks the
 * person to their first event instead of showing empty charts.
 */
export function OverviewScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { workspace, role } = current;

  return (
    <>
      <PageHeading>{workspace.name}</PageHeading>
      <dl className="facts">
        <div>
          <dt>{t('overview.yourRole')}</dt>
          <dd>{roleLabel(role)}</dd>
        </div>
        <div>
          <dt>{t('workspace.timeZone')}</dt>
          <dd>{workspace.timeZone}</dd>
        </div>
        <div>
          <dt>{t('workspace.defaultLocale')}</dt>
          <dd>{languageNames[pickLanguage([workspace.defaultLocale])]}</dd>
        </div>
      </dl>

      <section className="panel" aria-labelledby="not-yet">
        <h2 id="not-yet">{t('overview.notYetTitle')}</h2>
        <p>{t('overview.notYetIntro')}</p>
        <ul className="missing-data">
          <li>{t('overview.missingEvents')}</li>
          <li>{t('overview.missingFeedback')}</li>
          <li>{t('overview.missingJourneys')}</li>
          <li>{t('overview.missingKpis')}</li>
        </ul>
      </section>

      <section className="panel" aria-labelledby="first-event">
        <h2 id="first-event">{t('overview.guideTitle')}</h2>
        <FirstEventGuide current={current} />
      </section>
    </>
  );
}

function FirstEventGuide({ current }: { current: CurrentWorkspace }) {
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
