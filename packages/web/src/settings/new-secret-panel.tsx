import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../components/copy-button';

interface NewSecretPanelProps {
  title: string;
  warning: string;
  secretLabel: string;
  secret: string;
  onDone: () => void;
}

/** A secret the server will never show again: focus goes here so nobody misses it, with a copy button. */
export function NewSecretPanel({ title, warning, secretLabel, secret, onDone }: NewSecretPanelProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="panel panel-highlight" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="warning">{warning}</p>
      <div className="field">
        <label htmlFor={inputId}>{secretLabel}</label>
        <input
          id={inputId}
          className="secret-input"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-row">
        <CopyButton text={secret} label={t('common.copy')} />
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('common.done')}
        </button>
      </div>
    </section>
  );
}
