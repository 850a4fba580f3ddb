import { useId, type ComponentPropsWithRef } from 'react';

export interface SearchFieldProps
  extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type' | 'value' | 'onChange' | 'placeholder'> {
  /** Read by screen readers, and shown as the placeholder. */
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A search box whose label only screen readers read; the placeholder says the same. */
export function SearchField({ label, value, onChange, className = '', ...inputProps }: SearchFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={label}
        onChange={(event) => onChange(event.target.value)}
        className={`block w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-1.5 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40 ${className}`}
        {...inputProps}
      />
    </>
  );
}
