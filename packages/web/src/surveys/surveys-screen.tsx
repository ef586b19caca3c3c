import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';

export function SurveysScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  return <PageHeading>{t('surveys.title')}</PageHeading>;
}
