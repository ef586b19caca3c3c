import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canManageMember, grantableRoles } from '../access/permissions';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import { isRole, type Member, type Role } from '../api/types';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorAlert } from '../components/error-alert';
import { formatDateTime } from '../format/date-time';
import { RoleOptions, useRoleLabel } from './role-options';

interface MemberTableProps {
  workspaceId: string;
  ownRole: Role;
  members: Member[];
}

export function MemberTable({ workspaceId, ownRole, members }: MemberTableProps) {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.changeMemberRole(workspaceId, userId, role),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.removeMember(workspaceId, userId),
    onSettled: refresh,
  });

  return (
    <>
      <ErrorAlert error={changeRole.error ?? remove.error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('members.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.since')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const label = member.name || member.email;
              const manageable = canManageMember(ownRole, member.role);
              return (
                <tr key={member.userId}>
                  <th scope="row">{member.name || '–'}</th>
                  <td>{member.email}</td>
                  <td>
                    {manageable ? (
                      <select
                        aria-label={t('members.roleOf', { name: label })}
                        value={member.role}
                        disabled={changeRole.isPending}
                        onChange={(event) => {
                          const role = event.target.value;
                          if (isRole(role)) changeRole.mutate({ userId: member.userId, role });
                        }}
                      >
                        <RoleOptions roles={grantableRoles(ownRole)} />
                      </select>
                    ) : (
                      roleLabel(member.role)
                    )}
                  </td>
                  <td>{formatDateTime(member.createdAt, i18n.language)}</td>
                  <td>
                    <span className="actions">
                      {manageable ? (
                        <ConfirmButton
                          label={t('members.remove')}
                          accessibleLabel={t('members.removeNamed', { name: label })}
                          question={t('members.removeQuestion', { name: label })}
                          onConfirm={() => remove.mutate(member.userId)}
                          pending={remove.isPending}
                        />
                      ) : null}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
