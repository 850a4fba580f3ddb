// Line icons on a 24-unit grid; decorative, so always beside an accessible name.
const STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

// The small 16-20px control glyphs (live view, dialogs) draw a little heavier to stay legible.
const CONTROL_STROKE = { ...STROKE, strokeWidth: 1.75 } as const;

type IconProps = { className?: string };

export function GridIcon({ className = 'size-10' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="3" y="3" width="8" height="8" rx="1" />
      <rect x="13" y="3" width="8" height="8" rx="1" />
      <rect x="3" y="13" width="8" height="8" rx="1" />
      <rect x="13" y="13" width="8" height="8" rx="1" />
    </svg>
  );
}

export function BellIcon({ className = 'size-10' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

export function ChartIcon({ className = 'size-10' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M4 20V4" />
      <path d="M4 20h16" />
      <path d="M8 16v-5M12 16V8M16 16v-3" />
    </svg>
  );
}

export function CameraIcon({ className = 'size-10' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="3" y="7" width="13" height="10" rx="2" />
      <path d="M16 11l5-3v8l-5-3z" />
    </svg>
  );
}

export function UsersIcon({ className = 'size-10' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
      <path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6" />
    </svg>
  );
}

export function LockIcon({ className = 'size-10' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="4" y="10" width="16" height="11" rx="2" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

export function PlusIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

export function CloseIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

export function ExpandIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    </svg>
  );
}

export function CollapseIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" />
    </svg>
  );
}

export function BoxesIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <rect x="4" y="5" width="10" height="9" rx="1" />
      <rect x="11" y="10" width="9" height="9" rx="1" strokeDasharray="2 2" />
    </svg>
  );
}

export function SwapIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M7 7h12l-3-3M17 17H5l3 3" />
    </svg>
  );
}

export function RetryIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />
    </svg>
  );
}

export function PanelIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M9 4v16" />
    </svg>
  );
}

export function GripIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...CONTROL_STROKE}>
      <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" strokeWidth={3} />
    </svg>
  );
}

/** A square of n×n cells, for the layout buttons. */
export function LayoutGlyph({ side, className = 'size-4' }: IconProps & { side: number }) {
  const cell = 18 / side;
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true">
      {Array.from({ length: side * side }, (_, i) => (
        <rect
          key={i}
          x={3 + (i % side) * cell + 0.75}
          y={3 + Math.floor(i / side) * cell + 0.75}
          width={cell - 1.5}
          height={cell - 1.5}
          rx={0.75}
          fill="currentColor"
        />
      ))}
    </svg>
  );
}
