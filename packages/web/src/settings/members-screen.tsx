import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import { ErrorAlert } from '../components/error-alert';
import { PageHeading } from '../components/page-heading';
import type { CurrentWorkspace } from '../frame/current-workspace';
import { AddMemberForm } from './add-member-form';
import { MemberTable } from './member-table';

export function MembersScreen({ current }: { current: CurrentWorkspace }) {
  const { t } = useTranslation();
  const workspaceId = current.workspace.id;
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
    select: (list) => list.items,
  });

  return (
    <>
      <PageHeading>{t('members.title')}</PageHeading>
      <p className="lead">{t('members.intro')}</p>
      <AddMemberForm workspaceId={workspaceId} ownRole={current.role} />
      <ErrorAlert error={members.error} />
      {members.data ? (
        <MemberTable workspaceId={workspaceId} ownRole={current.role} members={members.data} />
      ) : null}
    </>
  );
}
