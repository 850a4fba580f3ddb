export const PRODUCT_NAME = 'VMS';

export function BrandMark() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-wide text-slate-100">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="7" fill="#0f172a" />
        <rect x="5" y="10" width="16" height="12" rx="2" fill="none" stroke="#38bdf8" strokeWidth="2.5" />
        <path d="M21 14.5l6-3.5v10l-6-3.5z" fill="#38bdf8" />
        <circle cx="10" cy="16" r="2" fill="#f43f5e" />
      </svg>
      <span>{PRODUCT_NAME}</span>
    </span>
  );
}
