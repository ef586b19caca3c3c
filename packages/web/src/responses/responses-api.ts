import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { http } from '../api/instance';

/** Wire types of the survey responses API (server: http/routes/survey-responses.ts); only the fields shown here. */
export interface ResponseAnswer {
  questionId: string;
  questionType: string;
  numberValue: number | null;
  textValue: string | null;
  jsonValue: unknown;
  answeredAt: string;
  /** Open-text answers only: what the server's text analytics found (language, sentiment, taxonomy topics). */
  insight?: AnswerInsight;
}

export interface Sentiment {
  /** 'positive' | 'negative' | 'neutral' (| 'mixed'); any other label is shown as sent. */
  label: string;
  score: number;
}

export interface AnswerInsight {
  language: string;
  sentiment: Sentiment;
  topics: { id: string; sentiment: Sentiment; mentions: number }[];
}

/** A taxonomy topic as GET …/text/taxonomy returns it; only id and names are read here. */
export interface TaxonomyTopic {
  id: string;
  name: { de: string; en: string };
}

export interface JourneyStep {
  event: string | null;
  type: string;
  channel: string;
  page: string | null;
  at: string;
}

export interface SurveyResponse {
  id: string;
  surveyId: string;
  profileId: string | null;
  channel: string;
  touchpointId: string | null;
  journeyStage: string | null;
  locale: string;
  device: string | null;
  status: 'partial' | 'completed';
  startedAt: string;
  completedAt: string | null;
  /** lastSteps (up to 10 events before answering, newest first), channels, journeyStage. */
  journeyContext: { lastSteps?: JourneyStep[]; channels?: string[]; journeyStage?: string | null };
  answers: ResponseAnswer[];
}

export interface ResponsePage {
  items: SurveyResponse[];
  nextCursor: string | null;
}

export interface SurveySummary {
  id: string;
  name: string;
  effectiveStatus: string;
  responseCount: number;
  /** The current version's definition; only question ids and titles are read here. */
  definition?: {
    defaultLanguage?: string;
    questions?: { id: string; title?: Record<string, string> }[];
  };
}

const workspacePath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const responsesPath = (workspaceId: string, surveyId: string) =>
  `${workspacePath(workspaceId)}/surveys/${encodeURIComponent(surveyId)}/responses`;
/** Without a survey, the workspace-wide list (every survey, newest first); with one, that survey's own list. */
const listPath = (workspaceId: string, surveyId: string | undefined) =>
  surveyId ? responsesPath(workspaceId, surveyId) : `${workspacePath(workspaceId)}/responses`;

export const pageSize = 25;

export function useSurveyList(workspaceId: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'surveys'],
    queryFn: () => http.request<{ items: SurveySummary[] }>('GET', `${workspacePath(workspaceId)}/surveys`),
    select: (list) => list.items,
  });
}

/**
 * Cursor pages of responses for the filter in `query` (the server's own parameter names): one survey's when
 * `surveyId` is given, else every survey's.
 */
export function useResponsePages(workspaceId: string, surveyId: string | undefined, query: URLSearchParams) {
  const text = query.toString();
  return useInfiniteQuery({
    queryKey: ['workspaces', workspaceId, 'responses', surveyId ?? 'all', text],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ResponsePage) => last.nextCursor ?? undefined,
    // The old rows stay on screen while a changed filter loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(text);
      params.set('limit', String(pageSize));
      if (pageParam) params.set('cursor', pageParam);
      return http.request<ResponsePage>('GET', `${listPath(workspaceId, surveyId)}?${params}`);
    },
  });
}

/** One response, for the detail panel and for answers on a profile's timeline (analysts and above). */
export function useResponse(workspaceId: string, surveyId: string, responseId: string, enabled = true) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'responses', surveyId, 'one', responseId],
    enabled,
    queryFn: () =>
      http.request<SurveyResponse>(
        'GET',
        `${responsesPath(workspaceId, surveyId)}/${encodeURIComponent(responseId)}`,
      ),
  });
}

/** The server's CSV export of the same filter; a plain link so the browser downloads it with the session cookie. */
export function csvExportHref(workspaceId: string, surveyId: string, query: URLSearchParams): string {
  const text = query.toString();
  return `/api/v1${responsesPath(workspaceId, surveyId)}.csv${text ? `?${text}` : ''}`;
}

/** The workspace's topic taxonomy, for topic names in the reader's language (analysts and above, like responses). */
export function useTaxonomyTopics(workspaceId: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'text', 'taxonomy'],
    queryFn: () =>
      http.request<{ version: number; topics: TaxonomyTopic[] }>(
        'GET',
        `${workspacePath(workspaceId)}/text/taxonomy`,
      ),
    select: (taxonomy) => taxonomy.topics,
    // Topic names change rarely; one fetch per visit is enough.
    staleTime: 5 * 60_000,
  });
}
