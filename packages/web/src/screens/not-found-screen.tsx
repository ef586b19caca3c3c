import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import { Link } from '../routing/router';

export function NotFoundScreen({ kind }: { kind: 'page' | 'workspace' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>
        {kind === 'workspace' ? t('notFound.workspaceTitle') : t('notFound.pageTitle')}
      </PageHeading>
      <p>{kind === 'workspace' ? t('notFound.workspaceBody') : t('notFound.pageBody')}</p>
      <p>
        <Link to={{ name: 'home' }}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
