import { useId } from 'react';

interface IssueFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  /** The server's message for this field, shown beneath it and announced as its description. */
  issue?: string | undefined;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}

/** A labelled input whose server-side validation message sits right next to it (aria-invalid + describedby). */
export function IssueField({
  label,
  value,
  onChange,
  hint,
  issue,
  multiline,
  required,
  maxLength,
}: IssueFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const issueId = issue ? `${id}-issue` : undefined;
  const describedBy = [hintId, issueId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    maxLength,
    'aria-describedby': describedBy,
    'aria-invalid': issue ? true : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p id={issueId} className="field-issue">
          {issue}
        </p>
      ) : null}
    </div>
  );
}
