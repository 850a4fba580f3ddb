import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { useSnapshot } from '../hooks/use-snapshot';
import { canAddPolygon, canClosePolygon, roiReducer, type RoiAction, type RoiEditorState } from '../roi-editor-state';
import { hitHandle, polygonAt, svgPoints, toNormalised, toPixels, type HandleRef, type PixelPoint, type Size } from '../roi-geometry';
import type { Point, Polygon } from '../types';

export interface RoiEditorProps {
  value: Polygon[];
  onChange: (polygons: Polygon[]) => void;
  /** Saved cameras get a current snapshot under the drawing; new ones a blank frame. */
  cameraId?: string;
  error?: string;
}

const HANDLE_RADIUS = 6;
const HIT_RADIUS = 12;
const DRAG_THRESHOLD = 3;
const NUDGE = 0.01;
const NUDGE_LARGE = 0.05;

interface Drag {
  handle: HandleRef;
  start: PixelPoint;
  moved: boolean;
}

/**
 * Regions of interest drawn over the camera's picture: click to add points, click the first point
 * (or Enter) to close, drag points to move them; keyboard: Delete removes the selected region,
 * arrows move it, Backspace undoes a point, Escape stops drawing.
 */
export function RoiEditor({ value, onChange, cameraId, error }: RoiEditorProps) {
  const [local, setLocal] = useState<Pick<RoiEditorState, 'draft' | 'selected'>>({ draft: null, selected: null });
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [aspect, setAspect] = useState(16 / 9);
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const helpId = useId();
  const errorId = useId();
  const snapshot = useSnapshot(cameraId);
  const state: RoiEditorState = { polygons: value, ...local };
  const selected = local.selected !== null && value[local.selected] ? local.selected : null;

  // The drawing is in pixels so handles stay round; it follows the frame's size.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  function apply(action: RoiAction) {
    const next = roiReducer(state, action);
    setLocal({ draft: next.draft, selected: next.selected });
    if (next.polygons !== value) onChange(next.polygons);
  }

  function pointerPosition(event: PointerEvent<SVGSVGElement>): { position: PixelPoint; box: Size } {
    const rect = event.currentTarget.getBoundingClientRect();
    return { position: { x: event.clientX - rect.left, y: event.clientY - rect.top }, box: { width: rect.width, height: rect.height } };
  }

  function handlePointerDown(event: PointerEvent<SVGSVGElement>) {
    if (event.button !== 0) return;
    const { position, box } = pointerPosition(event);
    const hit = hitHandle(value, local.draft, position, box, HIT_RADIUS);
    if (hit) {
      drag.current = { handle: hit, start: position, moved: false };
      event.currentTarget.setPointerCapture?.(event.pointerId);
      event.preventDefault();
      return;
    }
    const point = toNormalised(position, box);
    if (local.draft === null) {
      const inside = polygonAt(value, point);
      if (inside !== null) return apply({ type: 'select', index: inside });
    }
    apply({ type: 'add-point', point });
  }

  function handlePointerMove(event: PointerEvent<SVGSVGElement>) {
    const current = drag.current;
    if (!current) return;
    const { position, box } = pointerPosition(event);
    if (!current.moved && Math.hypot(position.x - current.start.x, position.y - current.start.y) < DRAG_THRESHOLD) return;
    current.moved = true;
    apply({ type: 'move-point', handle: current.handle, to: toNormalised(position, box) });
  }

  function handlePointerUp() {
    const current = drag.current;
    drag.current = null;
    if (!current || current.moved) return;
    const { polygon, point } = current.handle;
    if (polygon === 'draft' && point === 0 && canClosePolygon(state)) apply({ type: 'close-polygon' });
    else if (polygon !== 'draft') apply({ type: 'select', index: polygon });
  }

  function handleKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const drawing = local.draft !== null;
    const step = event.shiftKey ? NUDGE_LARGE : NUDGE;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    let action: RoiAction | null = null;
    if (event.key === 'Enter' && drawing) action = { type: 'close-polygon' };
    else if (event.key === 'Escape' && drawing) action = { type: 'cancel-polygon' };
    else if (event.key === 'Backspace') action = drawing ? { type: 'undo-point' } : { type: 'delete-selected' };
    else if (event.key === 'Delete') action = drawing ? { type: 'cancel-polygon' } : { type: 'delete-selected' };
    else if (arrows[event.key] && selected !== null) action = { type: 'nudge-selected', dx: arrows[event.key]![0], dy: arrows[event.key]![1] };
    if (!action) return;
    // Escape here stops the drawing, not the dialog around it.
    event.preventDefault();
    event.stopPropagation();
    apply(action);
  }

  const handlesOf = (points: readonly Point[], polygon: HandleRef['polygon']) =>
    points.map((point, index) => {
      const { x, y } = toPixels(point, size);
      const closing = polygon === 'draft' && index === 0 && canClosePolygon(state);
      return (
        <circle
          key={`${polygon}-${index}`}
          cx={x}
          cy={y}
          r={closing ? HANDLE_RADIUS + 2 : HANDLE_RADIUS}
          className={closing ? 'fill-amber-300 stroke-slate-950' : 'fill-white stroke-sky-600'}
          strokeWidth={2}
        />
      );
    });

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-300">Regions of interest</legend>
      <p id={helpId} className="text-sm text-slate-400">
        Detections count only inside these regions (none: the whole picture). Click to add points, click the first point or press Enter to close a
        region, drag points to move them. With the picture focused: Delete removes the selected region, arrow keys move it, Backspace undoes a point.
      </p>

      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => apply({ type: 'start-polygon' })} disabled={local.draft !== null || !canAddPolygon(state)}>
          New region
        </Button>
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => apply({ type: 'close-polygon' })} disabled={!canClosePolygon(state)}>
          Close region
        </Button>
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => apply({ type: 'undo-point' })} disabled={local.draft === null}>
          Undo point
        </Button>
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => apply({ type: 'add-rectangle' })} disabled={!canAddPolygon(state)}>
          Add rectangle
        </Button>
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => apply({ type: 'clear' })} disabled={value.length === 0 && local.draft === null}>
          Clear all
        </Button>
        {cameraId && (
          <Button variant="ghost" className="px-2.5 py-1.5" onClick={() => void snapshot.refresh()} disabled={snapshot.isRefreshing}>
            {snapshot.isRefreshing ? 'Loading picture…' : 'Refresh picture'}
          </Button>
        )}
      </div>

      <div
        ref={frameRef}
        className="relative w-full overflow-hidden rounded-md border border-slate-700 bg-slate-950 bg-[linear-gradient(to_right,rgb(30_41_59/0.6)_1px,transparent_1px),linear-gradient(to_bottom,rgb(30_41_59/0.6)_1px,transparent_1px)] bg-[size:10%_10%]"
        style={{ aspectRatio: aspect }}
      >
        {snapshot.url && (
          <img
            src={snapshot.url}
            alt="Current picture of the camera"
            className="pointer-events-none absolute inset-0 size-full select-none object-fill"
            draggable={false}
            onLoad={(event) => {
              const { naturalWidth, naturalHeight } = event.currentTarget;
              if (naturalWidth > 0 && naturalHeight > 0) setAspect(naturalWidth / naturalHeight);
            }}
          />
        )}
        <svg
          ref={svgRef}
          role="group"
          aria-label="Region editor"
          aria-describedby={error ? `${helpId} ${errorId}` : helpId}
          tabIndex={0}
          width={size.width || undefined}
          height={size.height || undefined}
          viewBox={size.width > 0 ? `0 0 ${size.width} ${size.height}` : undefined}
          className="absolute inset-0 size-full cursor-crosshair touch-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400"
          onPointerDown={handlePointerDown}
          onPointerMove={handlePointerMove}
          onPointerUp={handlePointerUp}
          onPointerCancel={() => { drag.current = null; }}
          onKeyDown={handleKeyDown}
        >
          {size.width > 0 && (
            <>
              {value.map((polygon, index) => (
                <polygon
                  key={index}
                  points={svgPoints(polygon, size)}
                  className={index === selected ? 'fill-amber-300/30 stroke-amber-300' : 'fill-sky-400/20 stroke-sky-400'}
                  strokeWidth={2}
                />
              ))}
              {local.draft && local.draft.length > 0 && (
                <polyline points={svgPoints(local.draft, size)} className="fill-none stroke-amber-300" strokeWidth={2} strokeDasharray="6 4" />
              )}
              {value.map((polygon, index) => <g key={index}>{handlesOf(polygon, index)}</g>)}
              {local.draft && handlesOf(local.draft, 'draft')}
            </>
          )}
        </svg>
        {!snapshot.url && (
          <p className="pointer-events-none absolute bottom-2 left-2 right-2 rounded bg-slate-950/80 px-2 py-1 text-xs text-slate-400">
            {!cameraId
              ? 'Save the camera to draw over its picture; until then regions are drawn on a blank frame.'
              : snapshot.isLoading
                ? 'Loading the camera picture…'
                : `No picture: ${(snapshot.error?.message ?? 'the camera gave none').replace(/\.?$/, '.')} You can still draw.`}
          </p>
        )}
      </div>

      <div aria-live="polite" className="text-sm text-slate-400">
        {local.draft !== null && `Drawing region ${value.length + 1}: ${local.draft.length} point${local.draft.length === 1 ? '' : 's'}${canClosePolygon(state) ? ', ready to close' : ''}.`}
      </div>

      {value.length > 0 && (
        <ul className="divide-y divide-slate-800 rounded-md border border-slate-800">
          {value.map((polygon, index) => (
            <li key={index} className={`flex items-center justify-between gap-2 px-3 py-1.5 text-sm ${index === selected ? 'bg-slate-800/60' : ''}`}>
              <span className="text-slate-300">
                Region {index + 1} <span className="text-slate-500">({polygon.length} points)</span>
              </span>
              <span className="flex gap-1">
                <Button variant="ghost" className="px-2 py-1" aria-pressed={index === selected} onClick={() => apply({ type: 'select', index: index === selected ? null : index })}>
                  {index === selected ? 'Selected' : 'Select'}
                </Button>
                <Button variant="ghost" className="px-2 py-1 text-rose-300 hover:text-rose-200" aria-label={`Delete region ${index + 1}`} onClick={() => apply({ type: 'delete-polygon', index })}>
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && <p id={errorId} className="text-sm text-rose-400">{error}</p>}
    </fieldset>
  );
}
