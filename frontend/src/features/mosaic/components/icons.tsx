// Small 20px glyphs for the live view's controls; always beside an accessible name.
const STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.75,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

type IconProps = { className?: string };

export function PlusIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

export function CloseIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

export function ExpandIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    </svg>
  );
}

export function CollapseIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" />
    </svg>
  );
}

export function BoxesIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="4" y="5" width="10" height="9" rx="1" />
      <rect x="11" y="10" width="9" height="9" rx="1" strokeDasharray="2 2" />
    </svg>
  );
}

export function SwapIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M7 7h12l-3-3M17 17H5l3 3" />
    </svg>
  );
}

export function RetryIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />
    </svg>
  );
}

export function PanelIcon({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M9 4v16" />
    </svg>
  );
}

export function GripIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...STROKE}>
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
