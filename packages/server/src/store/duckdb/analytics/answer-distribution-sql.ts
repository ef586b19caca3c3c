import type { AnswerDistributionPlan } from '../../analytics-port.js';
import { filtersSql } from './fields.js';
import { responseSource } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/** Question types whose answers fall into a small set of values worth counting (free text and matrices do not). */
export const distributionQuestionTypes = [
  'single_choice',
  'multiple_choice',
  'consent',
  'nps',
  'csat',
  'ces',
  'rating',
] as const;

/**
 * Answers per (question, value) of one survey in [from, to) by answer time, and the number of responses that
 * answered the question at all. A multiple-choice answer counts once for each choice it lists, so its shares may
 * add up to more than 100 %. Scores count per whole number; consent as 'true' / 'false'. Partial responses count,
 * like the score metrics (an answer is an answer whether or not the survey was finished).
 */
export function answerDistributionSql(plan: AnswerDistributionPlan): BuiltSql {
  const params = new SqlParams();
  const where = filtersSql(plan.filters, responseSource, params);
  const needsProfile = plan.filters.some((f) => f.field.kind === 'trait');
  const types = distributionQuestionTypes.map((type) => params.bind(type)).join(', ');
  const questions = plan.questionIds
    ? `AND sa.question_id IN (${plan.questionIds.map((id) => params.bind(id)).join(', ')})`
    : '';
  const sql = `WITH a AS (
      SELECT sa.response_id, sa.question_id, sa.question_type, sa.number_value, sa.text_value, sa.json_value
      FROM survey_answers sa JOIN survey_responses r ON r.id = sa.response_id
      ${needsProfile ? 'LEFT JOIN profiles p ON p.id = r.profile_id' : ''}
      WHERE sa.workspace_id = ${params.bind(plan.workspaceId)} AND sa.survey_id = ${params.bind(plan.surveyId)}
        AND sa.question_type IN (${types}) ${questions}
        AND sa.answered_at >= ${params.instant(plan.from)} AND sa.answered_at < ${params.instant(plan.to)}
        AND ${where}),
    v AS (
      SELECT response_id, question_id, question_type, text_value AS value FROM a WHERE question_type = 'single_choice'
      UNION ALL
      SELECT response_id, question_id, question_type, unnest(json_extract_string(json_value, '$[*]')) AS value
        FROM a WHERE question_type = 'multiple_choice'
      UNION ALL
      SELECT response_id, question_id, question_type, CAST(json_value AS VARCHAR) AS value FROM a WHERE question_type = 'consent'
      UNION ALL
      SELECT response_id, question_id, question_type, CAST(CAST(round(number_value) AS BIGINT) AS VARCHAR) AS value
        FROM a WHERE number_value IS NOT NULL AND question_type NOT IN ('single_choice', 'multiple_choice', 'consent')),
    totals AS (SELECT question_id, count(DISTINCT response_id) AS answered FROM a GROUP BY question_id)
    SELECT v.question_id, v.question_type, v.value, count(DISTINCT v.response_id) AS answers, t.answered
    FROM v JOIN totals t USING (question_id)
    WHERE v.value IS NOT NULL
    GROUP BY v.question_id, v.question_type, v.value, t.answered
    ORDER BY v.question_id, v.value`;
  return { sql, params: params.values };
}
