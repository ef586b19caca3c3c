import { stringify } from 'csv-stringify/sync';
import { CairnError, notFound } from '../../errors/catalogue.js';
import type { Page } from '../../store/port.js';
import type { AnswerRecord, ResponseFilter, ResponseRecord } from '../../store/survey-port.js';
import { canReadResponses, ensure } from '../access/permissions.js';
import { planFilters } from '../analytics/plan-query.js';
import type { DomainContext } from '../context.js';

/** What text analytics found in an open-text answer: its language, sentiment and topics. */
export interface AnswerInsight {
  language: string;
  sentiment: { label: string; score: number };
  topics: { id: string; sentiment: { label: string; score: number }; mentions: number }[];
}

export interface ResponseWithAnswers extends ResponseRecord {
  answers: (AnswerRecord & { insight?: AnswerInsight })[];
}

/** Filters as the API takes them: a segment by its key (the store gets its planned conditions). */
export type ResponseQuery = Omit<ResponseFilter, 'segmentConditions'> & { segment?: string | undefined };
type SurveyQuery = ResponseQuery & { surveyId: string };

/** Resolves `segment` to its trait conditions; an unknown key is a 400 naming the parameter, not an empty list. */
async function storeFilter(ctx: DomainContext, query: ResponseQuery): Promise<ResponseFilter> {
  const { segment: key, ...filter } = query;
  if (key === undefined) return filter;
  const segment = (await ctx.store.segments.list(query.workspaceId)).find((s) => s.key === key);
  if (!segment) {
    throw new CairnError(
      'CAIRN_VALIDATION_FAILED',
      { summary: 'segment names no segment of this workspace' },
      [{ field: 'querystring.segment', message: 'names no segment of this workspace' }],
    );
  }
  return { ...filter, segmentConditions: planFilters(segment.conditions, 'segment.conditions') };
}

async function requireSurvey(ctx: DomainContext, workspaceId: string, surveyId: string) {
  ensure(canReadResponses(ctx.actor, workspaceId), 'read survey responses');
  const survey = await ctx.store.surveys.definitions.get(workspaceId, surveyId);
  if (!survey) throw notFound('Survey', surveyId);
  return survey;
}

async function withAnswers(
  ctx: DomainContext,
  workspaceId: string,
  responses: ResponseRecord[],
): Promise<ResponseWithAnswers[]> {
  const ids = responses.map((r) => r.id);
  const [answers, enrichments] = await Promise.all([
    ctx.store.surveys.responses.answers(workspaceId, ids),
    ctx.store.text.enrichmentsOf(workspaceId, ids),
  ]);
  const insights = new Map(
    enrichments.map((e) => [
      `${e.responseId}\0${e.questionId}`,
      { language: e.enrichment.language, sentiment: e.enrichment.sentiment, topics: e.enrichment.topics },
    ]),
  );
  return responses.map((r) => ({
    ...r,
    answers: answers
      .filter((a) => a.responseId === r.id)
      .map((a) => {
        const insight = insights.get(`${a.responseId}\0${a.questionId}`);
        return insight ? { ...a, insight } : a;
      }),
  }));
}

/** Responses with their answers, newest first, filtered; single responses carry personal data (analysts and above). */
export async function listResponses(
  ctx: DomainContext,
  filter: SurveyQuery,
): Promise<Page<ResponseWithAnswers>> {
  await requireSurvey(ctx, filter.workspaceId, filter.surveyId);
  const page = await ctx.store.surveys.responses.list(await storeFilter(ctx, filter));
  return { items: await withAnswers(ctx, filter.workspaceId, page.items), nextCursor: page.nextCursor };
}

/** The responses of every survey of the workspace, newest first, with the same filters as one survey's list. */
export async function listWorkspaceResponses(
  ctx: DomainContext,
  filter: Omit<ResponseQuery, 'surveyId'>,
): Promise<Page<ResponseWithAnswers>> {
  ensure(canReadResponses(ctx.actor, filter.workspaceId), 'read survey responses');
  if (!(await ctx.store.workspaces.get(filter.workspaceId))) throw notFound('Workspace', filter.workspaceId);
  const page = await ctx.store.surveys.responses.list(await storeFilter(ctx, filter));
  return { items: await withAnswers(ctx, filter.workspaceId, page.items), nextCursor: page.nextCursor };
}

export async function getResponse(
  ctx: DomainContext,
  workspaceId: string,
  surveyId: string,
  responseId: string,
): Promise<ResponseWithAnswers> {
  await requireSurvey(ctx, workspaceId, surveyId);
  const response = await ctx.store.surveys.responses.get(workspaceId, responseId);
  if (!response || response.surveyId !== surveyId) throw notFound('Response', responseId);
  const [full] = await withAnswers(ctx, workspaceId, [response]);
  return full as ResponseWithAnswers;
}

/**
 * Spreadsheets run cells that start with = + - @ (and tab or carriage return, which some strip first) as formulas
 * (OWASP "CSV Injection"); a leading single quote makes them plain text. Answers are hostile input.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function answerCell(a: AnswerRecord | undefined): string | number {
  if (!a) return '';
  if (a.numberValue !== null) return a.numberValue;
  if (a.textValue !== null) return neutraliseFormula(a.textValue);
  if (Array.isArray(a.jsonValue)) return neutraliseFormula(a.jsonValue.join(';'));
  return neutraliseFormula(a.jsonValue === null ? '' : JSON.stringify(a.jsonValue));
}

const fixedColumns = [
  'response_id',
  'started_at',
  'completed_at',
  'status',
  'channel',
  'locale',
  'device',
  'profile_id',
  'survey_version',
];
const maxExportRows = 100_000;

/** CSV of the filtered responses: fixed columns, then one column per question id of the current version. */
export async function responsesCsv(
  ctx: DomainContext,
  filter: Omit<SurveyQuery, 'limit' | 'cursor'>,
): Promise<string> {
  const survey = await requireSurvey(ctx, filter.workspaceId, filter.surveyId);
  const version = await ctx.store.surveys.definitions.getVersion(
    filter.workspaceId,
    filter.surveyId,
    survey.currentVersion,
  );
  const questionIds = version?.definition.questions.map((q) => q.id) ?? [];
  const rows: (string | number)[][] = [[...fixedColumns, ...questionIds]];
  let cursor: string | undefined;
  do {
    const page = await listResponses(ctx, { ...filter, limit: 500, cursor });
    for (const r of page.items) {
      const fixed = [
        r.id,
        r.startedAt,
        r.completedAt ?? '',
        r.status,
        r.channel,
        r.locale,
        r.device ?? '',
        r.profileId ?? '',
        r.surveyVersion,
      ];
      const answers = questionIds.map((id) => answerCell(r.answers.find((a) => a.questionId === id)));
      rows.push([...fixed.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)), ...answers]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length <= maxExportRows);
  return stringify(rows);
}
