import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import { todayIn } from '../filters/date-range';
import { parseGlobalFilters } from '../filters/global-filters';
import { useTouchpointOptions } from '../filters/touchpoint-options';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { setSearch, useSearch } from '../routing/router';
import { surveyOf } from './answer-insight';
import { ResponseDetail } from './response-detail';
import { ResponseFilterForm } from './response-filter-form';
import {
  parseResponseFilters,
  type ResponseFilters,
  responseApiQuery,
  withResponseFilters,
} from './response-filters';
import { ResponseTable } from './response-table';
import {
  csvExportHref,
  type SurveyResponse,
  useResponsePages,
  useSurveyList,
  useTaxonomyTopics,
} from './responses-api';
import './responses.css';

/**
 * Single responses of every survey (or the one chosen), newest first, filtered by the global filter bar (dates,
 * channel, touchpoint) and this screen's own filters (survey, score range, text). Everything lives in the address.
 * Open-text answers show their sentiment and topics; the CSV export is per survey, as the server's is.
 */
export function ResponsesScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const { workspace } = current;
  const search = useSearch();
  const global = parseGlobalFilters(search);
  const filters = parseResponseFilters(search);
  const surveys = useSurveyList(workspace.id);
  const touchpoints = useTouchpointOptions(workspace.id);
  const topics = useTaxonomyTopics(workspace.id);
  // Without a choice, every survey: the list is never empty for a workspace that has answers.
  const surveyId = filters.survey;
  const apiQuery = responseApiQuery(filters, global, workspace.timeZone, todayIn(workspace.timeZone));
  const pages = useResponsePages(workspace.id, surveyId, apiQuery);
  const responses = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const touchpointName = (id: string) => touchpoints.data?.items.find((tp) => tp.id === id)?.name ?? id;
  const surveyName = (id: string) => surveyOf(surveys.data, id)?.name ?? id;
  // The open response's own survey: the chosen one, else the one the address names, else its row's.
  const detailSurveyId =
    surveyId ??
    filters.responseSurvey ??
    responses.find((response) => response.id === filters.response)?.surveyId;

  // The global filters (and anything else in the address) stay as they are; an open detail panel closes.
  const apply = (next: ResponseFilters) =>
    setSearch(withResponseFilters(search, { ...next, response: undefined }), { push: true });
  const openDetail = (response: SurveyResponse | undefined) =>
    setSearch(
      withResponseFilters(search, {
        ...filters,
        response: response?.id,
        responseSurvey: surveyId ? undefined : response?.surveyId,
      }),
      { push: true },
    );

  return (
    <>
      <PageHeading>{t('responses.title')}</PageHeading>
      <p className="lead">{t('responses.intro')}</p>
      <ErrorAlert error={surveys.error} />
      {surveys.data?.length === 0 ? <p className="empty">{t('responses.noSurveys')}</p> : null}
      {surveys.data && surveys.data.length > 0 ? (
        <ResponseFilterForm
          key={search}
          filters={filters}
          surveys={surveys.data}
          onApply={apply}
          onReset={() => apply({ survey: surveyId })}
        />
      ) : null}
      {detailSurveyId && filters.response ? (
        <ResponseDetail
          workspaceId={workspace.id}
          survey={surveyOf(surveys.data, detailSurveyId)}
          surveyId={detailSurveyId}
          topics={topics.data}
          responseId={filters.response}
          onClose={() => openDetail(undefined)}
        />
      ) : null}
      {surveys.data && surveys.data.length > 0 ? (
        <section aria-labelledby="response-list">
          <div className="response-list-head">
            <h2 id="response-list">{t('responses.table.caption')}</h2>
            {surveyId ? (
              <a
                className="button button-secondary"
                href={csvExportHref(workspace.id, surveyId, apiQuery)}
                download
              >
                {t('responses.export')}
              </a>
            ) : null}
          </div>
          {/* The server exports one survey at a time: its columns are that survey's questions. */}
          <p className="field-hint">{t(surveyId ? 'responses.exportHint' : 'responses.exportPickSurvey')}</p>
          <ErrorAlert error={pages.error} />
          <p role="status" className="status">
            {pages.isFetching && !pages.isFetchingNextPage
              ? t('responses.loading')
              : pages.data
                ? t('responses.shown', { count: responses.length })
                : ''}
          </p>
          {pages.data && responses.length === 0 ? <p className="empty">{t('responses.empty')}</p> : null}
          {responses.length > 0 ? (
            <ResponseTable
              workspaceId={workspace.id}
              responses={responses}
              touchpointName={touchpointName}
              surveyName={surveyId ? undefined : surveyName}
              topics={topics.data}
              onOpen={openDetail}
            />
          ) : null}
          {pages.hasNextPage ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={pages.isFetchingNextPage}
              onClick={() => void pages.fetchNextPage()}
            >
              {t('responses.loadMore')}
            </button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
