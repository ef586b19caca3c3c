import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../format/date-time';
import { Link } from '../routing/router';
import { AnswerInsightView } from './answer-insight-view';
import { ChannelBadge } from './channel-badge';
import { questionTitle } from './response-filters';
import { type ResponseAnswer, type SurveySummary, type TaxonomyTopic, useResponse } from './responses-api';

/** An answer as plain text: a number, the text, or the chosen ids of a choice question. */
export function answerText(answer: ResponseAnswer): string {
  if (answer.numberValue !== null) return String(answer.numberValue);
  if (answer.textValue !== null) return answer.textValue;
  if (Array.isArray(answer.jsonValue)) return answer.jsonValue.map(String).join(', ');
  if (answer.jsonValue === null || answer.jsonValue === undefined) return '';
  return typeof answer.jsonValue === 'string' ? answer.jsonValue : JSON.stringify(answer.jsonValue);
}

interface DetailProps {
  workspaceId: string;
  /** The response's own survey: its definition names the questions (the list may span every survey). */
  survey: SurveySummary | undefined;
  surveyId: string;
  topics: readonly TaxonomyTopic[] | undefined;
  responseId: string;
  onClose: () => void;
}

/** One response with every answer and its journey snapshot (the last steps, channels and stage before answering). */
export function ResponseDetail({ workspaceId, survey, surveyId, topics, responseId, onClose }: DetailProps) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel opens above the list: move focus to it so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    if (responseId) heading.current?.focus();
  }, [responseId]);
  const response = useResponse(workspaceId, surveyId, responseId);
  const data = response.data;
  const date = (iso: string | null | undefined) => formatDateTime(iso, i18n.language);
  // The snapshot is stored newest first; people read a journey forwards.
  const steps = [...(data?.journeyContext.lastSteps ?? [])].reverse();

  return (
    <section className="panel response-detail" aria-labelledby="response-detail-title">
      <div className="response-detail-head">
        <h2 id="response-detail-title" ref={heading} tabIndex={-1}>
          {t('responses.detail.title', { date: date(data?.completedAt ?? data?.startedAt) })}
        </h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('responses.detail.close')}
        </button>
      </div>
      <ErrorAlert error={response.error} />
      {data ? (
        <>
          <h3>{t('responses.detail.facts')}</h3>
          <dl className="facts">
            <div>
              <dt>{t('responses.table.survey')}</dt>
              <dd>{survey?.name ?? surveyId}</dd>
            </div>
            <div>
              <dt>{t('responses.detail.started')}</dt>
              <dd>{date(data.startedAt)}</dd>
            </div>
            <div>
              <dt>{t('responses.detail.completed')}</dt>
              <dd>{date(data.completedAt)}</dd>
            </div>
            <div>
              <dt>{t('responses.table.channel')}</dt>
              <dd>
                <ChannelBadge channel={data.channel} />
              </dd>
            </div>
            <div>
              <dt>{t('responses.table.language')}</dt>
              <dd>{data.locale}</dd>
            </div>
            <div>
              <dt>{t('responses.detail.device')}</dt>
              <dd>{data.device ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('responses.detail.stage')}</dt>
              <dd>
                {data.journeyContext.journeyStage ?? data.journeyStage ?? t('responses.detail.noStage')}
              </dd>
            </div>
          </dl>
          {data.profileId ? (
            <p>
              <Link to={{ name: 'profile', workspaceId, profileId: data.profileId }}>
                {t('responses.table.openProfile')}
              </Link>
            </p>
          ) : null}
          <h3>{t('responses.detail.answers')}</h3>
          <dl className="response-answers">
            {data.answers.map((answer) => (
              <div key={answer.questionId}>
                <dt>{questionTitle(survey, answer.questionId, i18n.language)}</dt>
                <dd>
                  <span className="answer-value">{answerText(answer)}</span>
                  <AnswerInsightView insight={answer.insight} topics={topics} />
                </dd>
              </div>
            ))}
          </dl>
          <h3>{t('responses.detail.channelsUsed')}</h3>
          <p className="channel-list">
            {(data.journeyContext.channels ?? []).map((channel) => (
              <ChannelBadge key={channel} channel={channel} />
            ))}
          </p>
          <h3>{t('responses.detail.lastSteps')}</h3>
          {steps.length === 0 ? (
            <p className="empty">{t('responses.detail.noSteps')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('responses.detail.stepsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('responses.detail.when')}</th>
                    <th scope="col">{t('responses.detail.step')}</th>
                    <th scope="col">{t('responses.table.channel')}</th>
                    <th scope="col">{t('responses.detail.page')}</th>
                  </tr>
                </thead>
                <tbody>
                  {steps.map((step, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot never changes; equal steps may repeat.
                    <tr key={index}>
                      <th scope="row">{date(step.at)}</th>
                      <td>{step.event ?? step.type}</td>
                      <td>
                        <ChannelBadge channel={step.channel} />
                      </td>
                      <td className="response-text">{step.page ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
