import { useTranslation } from 'react-i18next';
import { describeError } from '../api/error-messages';
import { translatorOf } from '../i18n/translator';

/** Shows what went wrong in the person's language; role="alert" makes screen readers announce it at once. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  if (!error) return null;
  const { summary, detail } = describeError(error, translatorOf(i18n));
  return (
    <div role="alert" className="alert alert-error">
      <p>{summary}</p>
      {detail ? <p className="alert-detail">{detail}</p> : null}
    </div>
  );
}
