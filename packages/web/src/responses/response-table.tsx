import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/date-time';
import { Link } from '../routing/router';
import { textAnswersWithInsight } from './answer-insight';
import { AnswerInsightView } from './answer-insight-view';
import { ChannelBadge } from './channel-badge';
import { scoreOf } from './response-filters';
import type { SurveyResponse, TaxonomyTopic } from './responses-api';

interface ResponseTableProps {
  workspaceId: string;
  responses: SurveyResponse[];
  touchpointName: (id: string) => string;
  /** Given when the list spans every survey: each row then names its survey. */
  surveyName?: (id: string) => string;
  topics: readonly TaxonomyTopic[] | undefined;
  onOpen: (response: SurveyResponse) => void;
}

/**
 * One row per response. Answer text is hostile input (so are survey names): React renders it as text, never as
 * markup. Each open-text answer carries its sentiment and topics.
 */
export function ResponseTable({
  workspaceId,
  responses,
  touchpointName,
  surveyName,
  topics,
  onOpen,
}: ResponseTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="response-table">
        <caption className="visually-hidden">{t('responses.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('responses.table.answered')}</th>
            {surveyName ? <th scope="col">{t('responses.table.survey')}</th> : null}
            <th scope="col">{t('responses.table.score')}</th>
            <th scope="col">{t('responses.table.text')}</th>
            <th scope="col">{t('responses.table.touchpoint')}</th>
            <th scope="col">{t('responses.table.channel')}</th>
            <th scope="col">{t('responses.table.language')}</th>
            <th scope="col">{t('responses.table.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {responses.map((response) => {
            const date = formatDateTime(response.completedAt ?? response.startedAt, i18n.language);
            const score = scoreOf(response)?.numberValue;
            const texts = textAnswersWithInsight(response);
            return (
              <tr key={response.id}>
                <th scope="row">{date}</th>
                {surveyName ? <td>{surveyName(response.surveyId)}</td> : null}
                <td className="response-score">{score ?? t('responses.table.noScore')}</td>
                <td className="response-text">
                  {texts.length > 0 ? (
                    texts.map((answer) => (
                      <div key={answer.questionId} className="answer-with-insight">
                        <p className="answer-text">{answer.text}</p>
                        <AnswerInsightView insight={answer.insight} topics={topics} />
                      </div>
                    ))
                  ) : (
                    <span className="empty">{t('responses.table.noText')}</span>
                  )}
                </td>
                <td>{response.touchpointId ? touchpointName(response.touchpointId) : '–'}</td>
                <td>
                  <ChannelBadge channel={response.channel} />
                </td>
                <td lang="en">{response.locale}</td>
                <td>{t(`responses.status.${response.status}`)}</td>
                <td>
                  <span className="actions">
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => onOpen(response)}
                      aria-label={t('responses.table.detailsFor', {
                        date,
                        score: score ?? t('responses.table.noScore'),
                      })}
                    >
                      {t('responses.table.details')}
                    </button>
                    {response.profileId ? (
                      <Link
                        className="button button-secondary"
                        to={{ name: 'profile', workspaceId, profileId: response.profileId }}
                      >
                        {t('responses.table.openProfile')}
                      </Link>
                    ) : null}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
