import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { grantableRoles } from '../access/permissions';
import { api } from '../api/instance';
import { queryKeys } from '../api/queries';
import { isRole, type MemberInput, type Role } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { readForm, SelectField, TextField } from '../components/field';
import { RoleOptions } from './role-options';

export function AddMemberForm({ workspaceId, ownRole }: { workspaceId: string; ownRole: Role }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (input: MemberInput) => api.addMember(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(form, ['email', 'name', 'role', 'password']);
    if (!isRole(values.role)) return;
    add.mutate(
      {
        email: values.email,
        role: values.role,
        // Optional fields are left out rather than sent empty: an empty password is not "no password".
        ...(values.name ? { name: values.name } : {}),
        ...(values.password ? { password: values.password } : {}),
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <section className="panel" aria-labelledby="add-member">
      <h2 id="add-member">{t('members.addTitle')}</h2>
      <form className="form form-grid" onSubmit={submit}>
        <TextField label={t('members.email')} name="email" type="email" autoComplete="off" required />
        <TextField label={t('members.name')} name="name" autoComplete="off" maxLength={200} />
        <SelectField label={t('members.role')} name="role" defaultValue="viewer">
          <RoleOptions roles={grantableRoles(ownRole)} />
        </SelectField>
        <TextField
          label={t('members.password')}
          hint={t('members.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={add.isPending}>
            {t('members.add')}
          </button>
        </div>
      </form>
      <ErrorAlert error={add.error} />
      <p role="status" className="status">
        {add.isSuccess ? t('members.added', { email: add.data.email }) : ''}
      </p>
    </section>
  );
}
