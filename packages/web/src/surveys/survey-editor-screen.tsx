import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';

/** The survey builder: `surveyId` undefined means a new survey. */
export function SurveyEditorScreen({ current, surveyId }: { current: CurrentWorkspace; surveyId?: string }) {
  const { t } = useTranslation();
  return <PageHeading>{t('surveys.title')}</PageHeading>;
}
