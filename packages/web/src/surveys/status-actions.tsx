import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorAlert } from '../components/error-alert';
import { statusMoves } from './survey-draft';
import type { Survey } from './survey-types';
import { surveysApi, useStatusChange } from './surveys-api';

/** Save the portable JSON of a survey as a file (GET …/export); import it on the list page. */
function ExportButton({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => surveysApi.exportSurvey(workspaceId, survey.id),
    onSuccess: (document) => {
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
      );
      const anchor = Object.assign(window.document.createElement('a'), {
        href: url,
        download: `survey-${survey.id}.json`,
      });
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => download.mutate()}
        disabled={download.isPending}
      >
        {t('surveys.export')}
      </button>
      <ErrorAlert error={download.error} />
    </>
  );
}

/** The status moves the survey allows now (closing asks first: it is final). */
export function StatusActions({
  workspaceId,
  survey,
  withExport = true,
}: {
  workspaceId: string;
  survey: Survey;
  withExport?: boolean;
}) {
  const { t } = useTranslation();
  const change = useStatusChange(workspaceId);
  const moves = statusMoves[survey.effectiveStatus];
  return (
    <span className="actions">
      {moves.map((status) =>
        status === 'closed' ? (
          <ConfirmButton
            key={status}
            label={t('surveys.actions.closed')}
            accessibleLabel={t('surveys.actions.namedClosed', { name: survey.name })}
            question={t('surveys.actions.closeQuestion', { name: survey.name })}
            onConfirm={() => change.mutate({ surveyId: survey.id, status })}
            pending={change.isPending}
          />
        ) : (
          <button
            key={status}
            type="button"
            className="button button-secondary"
            aria-label={t(
              status === 'paused'
                ? 'surveys.actions.namedPaused'
                : survey.status === 'paused'
                  ? 'surveys.actions.namedResume'
                  : 'surveys.actions.namedLive',
              { name: survey.name },
            )}
            disabled={change.isPending}
            onClick={() => change.mutate({ surveyId: survey.id, status })}
          >
            {status === 'live'
              ? survey.status === 'paused'
                ? t('surveys.actions.resume')
                : t('surveys.actions.live')
              : t('surveys.actions.paused')}
          </button>
        ),
      )}
      {withExport ? <ExportButton workspaceId={workspaceId} survey={survey} /> : null}
      <ErrorAlert error={change.error} />
    </span>
  );
}
