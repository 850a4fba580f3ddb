import { useId, type ComponentPropsWithRef } from 'react';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  label: string;
  /** Shown under the input and linked to it for screen readers. */
  error?: string;
}

export function TextField({ label, error, className = '', ...inputProps }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="block w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40 disabled:opacity-60 aria-invalid:border-rose-500"
        {...inputProps}
      />
      {error && (
        <p id={errorId} className="text-sm text-rose-400">
          {error}
        </p>
      )}
    </div>
  );
}
