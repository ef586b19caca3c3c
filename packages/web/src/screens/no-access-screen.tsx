import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';

export function NoAccessScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('noAccess.title')}</PageHeading>
      <p>{t('noAccess.body')}</p>
    </>
  );
}
