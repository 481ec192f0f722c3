/** A labelled form field with its validation message (announced, and tied to the input). */
import type { ComponentChildren } from 'preact';

/** A field's label, value, validation message and kind of input. */
export interface FieldProps {
  /** The form's field key; also the input's name. */
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'url' | 'date';
  /** Options make it a select: [value, label]. */
  options?: [string, string][];
  children?: ComponentChildren;
}

/** An input, textarea or select with its label, hint and error. */
export function Field({ name, label, value, onInput, error, hint, required, multiline, type, options }: FieldProps) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>
        {label}
        {required ? ' (required)' : ''}
      </label>
      {options ? (
        <select {...common} onChange={(e) => onInput(e.currentTarget.value)}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={3} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} type={(type ?? 'text') as 'text'} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
      {hint ? (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} class="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** Field errors from a reply as a map; errors for the whole record (field '') under ''. */
export function errorMap(errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] = out[e.field] ? `${out[e.field]} ${e.message}` : e.message;
  return out;
}
