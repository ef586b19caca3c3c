import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageSurveys } from '../access/permissions';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../format/date-time';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { Link, navigate } from '../routing/router';
import { FatigueSettings } from './fatigue-settings';
import { StatusActions } from './status-actions';
import type { Survey } from './survey-types';
import { surveyKeys, surveysApi, useSurveys } from './surveys-api';
import './surveys.css';

const typeSummary = (survey: Survey) => [...new Set(survey.definition.questions.map((q) => q.type))];

/** Creates a draft from an exported survey file and opens it. */
function ImportSurvey({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const importing = useMutation({
    mutationFn: async (file: File) => {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new Error(t('surveys.importNotJson'));
      }
      return surveysApi.importSurvey(workspaceId, document);
    },
    onSuccess: async (survey) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list(workspaceId), exact: true });
      navigate({ name: 'survey', workspaceId, surveyId: survey.id });
    },
  });
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) importing.mutate(file);
    event.target.value = '';
  };
  return (
    <div className="field survey-import">
      <label htmlFor={id}>{t('surveys.import')}</label>
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        onChange={onFile}
        disabled={importing.isPending}
      />
      {importing.error instanceof Error && !('code' in importing.error) ? (
        <p role="alert" className="alert alert-error">
          {importing.error.message}
        </p>
      ) : (
        <ErrorAlert error={importing.error} />
      )}
    </div>
  );
}

export function SurveysScreen({ current }: { current: CurrentWorkspace }) {
  const { t, i18n } = useTranslation();
  const workspaceId = current.workspace.id;
  const canManage = canManageSurveys(current.role);
  const surveys = useSurveys(workspaceId);

  return (
    <>
      <PageHeading>{t('surveys.title')}</PageHeading>
      <p className="lead">{t('surveys.intro')}</p>
      {canManage ? (
        <div className="survey-list-actions">
          <Link className="button button-primary" to={{ name: 'new-survey', workspaceId }}>
            {t('surveys.create')}
          </Link>
          <ImportSurvey workspaceId={workspaceId} />
        </div>
      ) : null}
      <ErrorAlert error={surveys.error} />
      {surveys.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : surveys.data?.length === 0 ? (
        <p className="empty">{t('surveys.empty')}</p>
      ) : surveys.data ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('surveys.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.columns.name')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('surveys.columns.types')}</th>
                <th scope="col">{t('surveys.columns.responses')}</th>
                <th scope="col">{t('surveys.columns.updated')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {surveys.data.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    <Link to={{ name: 'survey', workspaceId, surveyId: survey.id }}>{survey.name}</Link>
                  </th>
                  <td>
                    <span className={`survey-status survey-status-${survey.effectiveStatus}`}>
                      {t(`surveys.status.${survey.effectiveStatus}`)}
                    </span>
                  </td>
                  <td>
                    {typeSummary(survey)
                      .map((type) => t(`surveys.types.${type}`))
                      .join(', ')}
                  </td>
                  <td>{survey.responseCount}</td>
                  <td>{formatDateTime(survey.updatedAt, i18n.language)}</td>
                  {canManage ? (
                    <td>
                      <StatusActions workspaceId={workspaceId} survey={survey} withExport={false} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FatigueSettings workspaceId={workspaceId} canManage={canManage} />
    </>
  );
}
