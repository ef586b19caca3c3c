import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';

/** The 360° view of one profile. */
export function ProfileScreen({ current, profileId }: { current: CurrentWorkspace; profileId: string }) {
  const { t } = useTranslation();
  return <PageHeading>{t('profiles.title')}</PageHeading>;
}
