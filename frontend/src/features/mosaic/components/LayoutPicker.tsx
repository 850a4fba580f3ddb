import { LayoutGlyph } from '@/components/ui/icons';
import { gridDimensions } from '../layout';
import { mosaicSelectors, useMosaicStore } from '../store';
import { LAYOUTS } from '../types';

export function LayoutPicker({ disabled = false }: { disabled?: boolean }) {
  const layout = useMosaicStore(mosaicSelectors.layout);
  const setLayout = useMosaicStore((s) => s.setLayout);

  return (
    <div role="group" aria-label="Layout" className="inline-flex overflow-hidden rounded-md border border-slate-700">
      {LAYOUTS.map((option) => {
        const active = option === layout;
        return (
          <button
            key={option}
            type="button"
            aria-label={`${option} layout`}
            aria-pressed={active}
            title={`${option} layout`}
            disabled={disabled}
            onClick={() => setLayout(option)}
            className={`inline-flex items-center gap-1.5 px-2.5 py-1.5 text-xs font-medium transition-colors focus-visible:relative focus-visible:outline-2 focus-visible:outline-sky-400 disabled:cursor-not-allowed disabled:opacity-50 ${
              active ? 'bg-sky-600 text-white' : 'bg-slate-900 text-slate-300 hover:bg-slate-800'
            }`}
          >
            <LayoutGlyph side={gridDimensions(option).columns} />
            <span className="hidden md:inline">{option}</span>
          </button>
        );
      })}
    </div>
  );
}
