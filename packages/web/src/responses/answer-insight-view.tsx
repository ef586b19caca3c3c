import { useTranslation } from 'react-i18next';
import { isKnownSentiment, topicName, topicsByMentions } from './answer-insight';
import type { AnswerInsight, TaxonomyTopic } from './responses-api';

/** Sentiment as a small badge: the word says it, the colour only repeats it. */
export function SentimentBadge({ label }: { label: string }) {
  const { t } = useTranslation();
  const known = isKnownSentiment(label) ? label : undefined;
  return (
    <span className={`sentiment-badge sentiment-${known ?? 'other'}`}>
      <span className="visually-hidden">{t('responses.insight.sentiment')}: </span>
      {known ? t(`responses.insight.labels.${known}`) : label}
    </span>
  );
}

interface InsightProps {
  insight: AnswerInsight | undefined;
  topics: readonly TaxonomyTopic[] | undefined;
}

/**
 * What text analytics found in one open-text answer: its sentiment and its taxonomy topics (names in the reader's
 * language, else the topic id). Nothing is shown for an answer not enriched (yet).
 */
export function AnswerInsightView({ insight, topics }: InsightProps) {
  const { t, i18n } = useTranslation();
  if (!insight) return null;
  const found = topicsByMentions(insight);
  return (
    <span className="answer-insight">
      <SentimentBadge label={insight.sentiment.label} />
      {found.length > 0 ? (
        <ul className="topic-list" aria-label={t('responses.insight.topics')}>
          {found.map((topic) => (
            <li key={topic.id} className="topic-chip">
              {topicName(topics, topic.id, i18n.language)}
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
