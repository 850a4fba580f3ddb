const STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export function GridIcon({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="3" y="3" width="8" height="8" rx="1" />
      <rect x="13" y="3" width="8" height="8" rx="1" />
      <rect x="3" y="13" width="8" height="8" rx="1" />
      <rect x="13" y="13" width="8" height="8" rx="1" />
    </svg>
  );
}

export function BellIcon({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

export function ChartIcon({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M4 20V4" />
      <path d="M4 20h16" />
      <path d="M8 16v-5M12 16V8M16 16v-3" />
    </svg>
  );
}

export function CameraIcon({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="3" y="7" width="13" height="10" rx="2" />
      <path d="M16 11l5-3v8l-5-3z" />
    </svg>
  );
}

export function UsersIcon({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
      <path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6" />
    </svg>
  );
}

export function LockIcon({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="4" y="10" width="16" height="11" rx="2" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
