import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http-client';
import { api } from '../api/instance';
import { forgetAccountData, queryKeys } from '../api/queries';
import { ErrorAlert } from '../components/error-alert';
import { navigate } from '../routing/router';

export function SignOutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signedOut = () => {
    queryClient.setQueryData(queryKeys.me, null);
    forgetAccountData(queryClient);
    navigate({ name: 'login' });
  };
  const signOut = useMutation({
    mutationFn: api.logout,
    onSuccess: signedOut,
    // A session that already expired is as signed out as it gets.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) signedOut();
    },
  });
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => signOut.mutate()}>
        {t('frame.signOut')}
      </button>
      {signOut.isError ? <ErrorAlert error={signOut.error} /> : null}
    </>
  );
}
