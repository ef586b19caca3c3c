import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** Label of the first button, e.g. "Revoke". */
  label: string;
  /** Accessible name of the first button when the label alone is ambiguous in a list ("Revoke token CI"). */
  accessibleLabel?: string;
  question: string;
  onConfirm: () => void;
  pending?: boolean;
}

/**
 * A destructive action in two steps, inline instead of window.confirm, so it stays in the page's language,
 * is keyboard reachable and can be driven by tests. Focus lands on "Cancel", the safe choice.
 */
export function ConfirmButton({ label, accessibleLabel, question, onConfirm, pending }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button-danger"
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
        disabled={pending}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('common.confirm')}
      </button>
      <button
        ref={cancelRef}
        type="button"
        className="button button-secondary"
        onClick={() => setAsking(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
