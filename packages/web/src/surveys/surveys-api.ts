import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../api/instance';
import type {
  FatigueBudget,
  InvitationCounts,
  InvitationInput,
  Survey,
  SurveyExport,
  SurveyInput,
  SurveyStatus,
} from './survey-types';

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const one = (workspaceId: string, surveyId: string) =>
  `${base(workspaceId)}/surveys/${encodeURIComponent(surveyId)}`;

/** Typed calls of the surveys API (server: http/routes/surveys.ts, survey-invitations.ts). */
export const surveysApi = {
  list: (workspaceId: string) => http.request<{ items: Survey[] }>('GET', `${base(workspaceId)}/surveys`),
  get: (workspaceId: string, surveyId: string) => http.request<Survey>('GET', one(workspaceId, surveyId)),
  create: (workspaceId: string, input: SurveyInput) =>
    http.request<Survey>('POST', `${base(workspaceId)}/surveys`, input),
  update: (workspaceId: string, surveyId: string, input: Partial<SurveyInput>) =>
    http.request<Survey>('PATCH', one(workspaceId, surveyId), input),
  setStatus: (workspaceId: string, surveyId: string, status: SurveyStatus) =>
    http.request<Survey>('POST', `${one(workspaceId, surveyId)}/status`, { status }),
  exportSurvey: (workspaceId: string, surveyId: string) =>
    http.request<SurveyExport>('GET', `${one(workspaceId, surveyId)}/export`),
  importSurvey: (workspaceId: string, document: unknown) =>
    http.request<Survey>('POST', `${base(workspaceId)}/surveys/import`, document),
  fatigue: (workspaceId: string) =>
    http.request<{ fatigue: FatigueBudget }>('GET', `${base(workspaceId)}/survey-settings`),
  patchFatigue: (workspaceId: string, fatigue: Partial<FatigueBudget>) =>
    http.request<{ fatigue: FatigueBudget }>('PATCH', `${base(workspaceId)}/survey-settings`, { fatigue }),
  invite: (workspaceId: string, surveyId: string, input: InvitationInput) =>
    http.request<InvitationCounts>('POST', `${one(workspaceId, surveyId)}/invitations`, input),
  sendDueReminders: (workspaceId: string, surveyId: string) =>
    http.request<InvitationCounts>('POST', `${one(workspaceId, surveyId)}/invitations/reminders`, {}),
};

export const surveyKeys = {
  list: (workspaceId: string) => ['workspaces', workspaceId, 'surveys'] as const,
  one: (workspaceId: string, surveyId: string) => ['workspaces', workspaceId, 'surveys', surveyId] as const,
  fatigue: (workspaceId: string) => ['workspaces', workspaceId, 'survey-settings'] as const,
};

export const useSurveys = (workspaceId: string) =>
  useQuery({
    queryKey: surveyKeys.list(workspaceId),
    queryFn: () => surveysApi.list(workspaceId),
    select: (list) => list.items,
  });

export const useSurvey = (workspaceId: string, surveyId: string | undefined) =>
  useQuery({
    queryKey: surveyKeys.one(workspaceId, surveyId ?? ''),
    queryFn: () => surveysApi.get(workspaceId, surveyId ?? ''),
    enabled: surveyId !== undefined,
  });

export const useFatigueBudget = (workspaceId: string) =>
  useQuery({ queryKey: surveyKeys.fatigue(workspaceId), queryFn: () => surveysApi.fatigue(workspaceId) });

/** A status change; the list and the survey are read again so every screen shows the new status. */
export function useStatusChange(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ surveyId, status }: { surveyId: string; status: SurveyStatus }) =>
      surveysApi.setStatus(workspaceId, surveyId, status),
    onSuccess: (survey) => {
      queryClient.setQueryData(surveyKeys.one(workspaceId, survey.id), survey);
      return queryClient.invalidateQueries({ queryKey: surveyKeys.list(workspaceId), exact: true });
    },
  });
}
