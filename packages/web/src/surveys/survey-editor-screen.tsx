import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageSurveys } from '../access/permissions';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { Link } from '../routing/router';
import { InvitationsPanel } from './invitations-panel';
import { StatusActions } from './status-actions';
import { SurveyBuilder } from './survey-builder';
import { emptyDefinition } from './survey-draft';
import { SurveyPreview } from './survey-preview';
import { SurveyResults } from './survey-results';
import type { Survey } from './survey-types';
import { useSurvey } from './surveys-api';
import './surveys.css';

/** The survey page: builder with live preview, distribution and results; `surveyId` undefined means a new survey. */
export function SurveyEditorScreen({ current, surveyId }: { current: CurrentWorkspace; surveyId?: string }) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const survey = useSurvey(workspaceId, surveyId);
  const back = (
    <p>
      <Link to={{ name: 'surveys', workspaceId }}>{t('surveys.backToList')}</Link>
    </p>
  );

  if (surveyId === undefined) {
    return (
      <>
        {back}
        <PageHeading>{t('surveys.newTitle')}</PageHeading>
        <SurveyBuilder
          workspaceId={workspaceId}
          survey={undefined}
          initial={{ name: '', definition: emptyDefinition(), settings: {} }}
        />
      </>
    );
  }
  if (survey.isError)
    return (
      <>
        {back}
        <PageHeading>{t('surveys.title')}</PageHeading>
        <ErrorAlert error={survey.error} />
      </>
    );
  if (!survey.data)
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  return <SurveyPage current={current} survey={survey.data} back={back} />;
}

function SurveyPage({
  current,
  survey,
  back,
}: {
  current: CurrentWorkspace;
  survey: Survey;
  back: ReactNode;
}) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const canManage = canManageSurveys(current.role);
  return (
    <>
      {back}
      <PageHeading>{survey.name}</PageHeading>
      <div className="survey-status-bar">
        <span className={`survey-status survey-status-${survey.effectiveStatus}`}>
          {t(`surveys.status.${survey.effectiveStatus}`)}
        </span>
        <span>{t('surveys.version', { version: survey.currentVersion })}</span>
        <span>{t('surveys.responseCount', { count: survey.responseCount })}</span>
        {canManage ? <StatusActions workspaceId={workspaceId} survey={survey} /> : null}
      </div>
      {canManage ? (
        <SurveyBuilder
          key={survey.id}
          workspaceId={workspaceId}
          survey={survey}
          initial={{ name: survey.name, definition: survey.definition, settings: survey.settings }}
        />
      ) : (
        <SurveyPreview definition={survey.definition} />
      )}
      {canManage ? <InvitationsPanel workspaceId={workspaceId} surveyId={survey.id} /> : null}
      <SurveyResults
        workspaceId={workspaceId}
        timeZone={current.workspace.timeZone}
        surveyId={survey.id}
        definition={survey.definition}
      />
    </>
  );
}
