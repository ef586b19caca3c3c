import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../format/date-time';
import { ChannelBadge } from '../responses/channel-badge';
import { textAnswersOf } from '../responses/response-filters';
import { useResponse } from '../responses/responses-api';
import { Link } from '../routing/router';
import { valueText } from './profile-search';
import { type TimelineEvent, useTimeline } from './profiles-api';

const answerEvent = 'Survey Response Submitted';
const surveyLabels = {
  [answerEvent]: 'profiles.timeline.answer',
  'Survey Completed': 'profiles.timeline.completed',
  'Survey Shown': 'profiles.timeline.shownSurvey',
} as const;
const isSurveyEvent = (name: string | null): name is keyof typeof surveyLabels =>
  name !== null && Object.hasOwn(surveyLabels, name);
const hiddenProperties = new Set(['surveyId', 'responseId', 'score']);

function useEventTitle(): (event: TimelineEvent) => string {
  const { t } = useTranslation();
  return (event) => {
    switch (event.type) {
      case 'page':
        return t('profiles.timeline.page', {
          page: event.page.title ?? event.page.path ?? event.page.url ?? '',
        });
      case 'screen':
        return t('profiles.timeline.screen', { name: valueText(event.properties.name) });
      case 'identify':
        return t('profiles.timeline.identify');
      case 'group':
        return t('profiles.timeline.group');
      case 'alias':
        return t('profiles.timeline.alias');
      default:
        return isSurveyEvent(event.event) ? t(surveyLabels[event.event]) : (event.event ?? event.type);
    }
  };
}

/** The open-text answers of a survey response on the timeline: fetched only for people who may read responses. */
function AnswerText({
  workspaceId,
  surveyId,
  responseId,
}: {
  workspaceId: string;
  surveyId: string;
  responseId: string;
}) {
  const { t } = useTranslation();
  const response = useResponse(workspaceId, surveyId, responseId);
  if (!response.data) return null;
  return (
    <div className="timeline-answer">
      {textAnswersOf(response.data).map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: answers of one response never reorder.
        <p key={index}>{text}</p>
      ))}
      <Link
        to={{ name: 'responses', workspaceId }}
        search={`?${new URLSearchParams({ survey: surveyId, response: responseId })}`}
      >
        {t('profiles.timeline.openResponses')}
      </Link>
    </div>
  );
}

function TimelineItem({
  event,
  workspaceId,
  showAnswers,
}: {
  event: TimelineEvent;
  workspaceId: string;
  showAnswers: boolean;
}) {
  const { t, i18n } = useTranslation();
  const title = useEventTitle();
  const { surveyId, responseId, score } = event.properties;
  const details = Object.entries(event.properties)
    .filter(([key]) => !hiddenProperties.has(key))
    .slice(0, 4);
  return (
    <li className={`timeline-item${isSurveyEvent(event.event) ? ' timeline-item-survey' : ''}`}>
      <div className="timeline-head">
        <time dateTime={event.timestamp}>{formatDateTime(event.timestamp, i18n.language)}</time>
        <ChannelBadge channel={event.channel} />
        <strong className="timeline-title">{title(event)}</strong>
        {typeof score === 'number' ? (
          <span className="timeline-score">{t('profiles.timeline.score', { score })}</span>
        ) : null}
      </div>
      {details.length > 0 ? (
        <p className="timeline-details">
          {details.map(([key, value]) => `${key}: ${valueText(value)}`).join(' · ')}
        </p>
      ) : null}
      {showAnswers &&
      event.event === answerEvent &&
      typeof surveyId === 'string' &&
      typeof responseId === 'string' ? (
        <AnswerText workspaceId={workspaceId} surveyId={surveyId} responseId={responseId} />
      ) : null}
    </li>
  );
}

/** One timeline of events and answers across channels, newest first, a page at a time. */
export function ProfileTimeline({
  workspaceId,
  profileId,
  showAnswers,
}: {
  workspaceId: string;
  profileId: string;
  /** Answer text needs the right to read responses (analysts and above); agents see the score only. */
  showAnswers: boolean;
}) {
  const { t } = useTranslation();
  const timeline = useTimeline(workspaceId, profileId);
  const events = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="profile-timeline">
      <h2 id="profile-timeline">{t('profiles.timeline.title')}</h2>
      <p className="field-hint">{t('profiles.timeline.intro')}</p>
      <ErrorAlert error={timeline.error} />
      <p role="status" className="status">
        {timeline.isFetching ? t('common.loading') : t('profiles.timeline.shown', { count: events.length })}
      </p>
      {timeline.data && events.length === 0 ? <p className="empty">{t('profiles.timeline.empty')}</p> : null}
      <ol className="timeline">
        {events.map((event) => (
          <TimelineItem
            key={event.messageId}
            event={event}
            workspaceId={workspaceId}
            showAnswers={showAnswers}
          />
        ))}
      </ol>
      {timeline.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('profiles.timeline.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
