import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

interface FieldFrameProps {
  label: string;
  hint?: string | undefined;
  children: (ids: { inputId: string; hintId: string | undefined }) => ReactNode;
}

/** Every input gets a visible <label> and, when there is one, a hint wired up with aria-describedby. */
function FieldFrame({ label, hint, children }: FieldFrameProps) {
  const inputId = useId();
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, hintId })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = { label: string; hint?: string | undefined } & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ label, hint, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint}>
      {({ inputId, hintId }) => <input id={inputId} aria-describedby={hintId} {...input} />}
    </FieldFrame>
  );
}

type SelectFieldProps = {
  label: string;
  hint?: string | undefined;
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, hint, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint}>
      {({ inputId, hintId }) => (
        <select id={inputId} aria-describedby={hintId} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** Reads named text fields of a submitted form; missing fields read as empty strings. */
export function readForm<const Name extends string>(form: HTMLFormElement, names: readonly Name[]) {
  const data = new FormData(form);
  const values = {} as Record<Name, string>;
  for (const name of names) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}
