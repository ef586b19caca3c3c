import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';

/** <option>s for the roles someone may grant, labelled in the current language. */
export function RoleOptions({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </>
  );
}

export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: Role) => t(`roles.${role}`);
}
