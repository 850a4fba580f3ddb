import type { MouseEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { formatClass, formatConfidence, formatDateTime, formatTimeParts } from '../format';
import type { Detection } from '../types';
import { SnapshotThumbnail } from './SnapshotThumbnail';

export interface DetectionTableProps {
  detections: Detection[];
  cameraName: (cameraId: string) => string;
  onOpen: (id: string) => void;
}

const HEADER = 'px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-400';

/** Detections, newest first; a row opens its detail (the Details button for keyboards). */
export function DetectionTable({ detections, cameraName, onOpen }: DetectionTableProps) {
  function handleRowClick(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // The row's own button already opened it.
    if ((event.target as HTMLElement).closest('button, a')) return;
    onOpen(id);
  }

  // relative: the sr-only header text is positioned inside the scroller, not past the page edge.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-800">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">Detections, newest first</caption>
        <thead className="bg-slate-900">
          <tr>
            <th scope="col" className={HEADER}>
              Snapshot
            </th>
            <th scope="col" className={HEADER}>
              Class
            </th>
            <th scope="col" className={HEADER}>
              Confidence
            </th>
            <th scope="col" className={HEADER}>
              Camera
            </th>
            <th scope="col" className={HEADER}>
              Time
            </th>
            <th scope="col" className={HEADER}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {detections.map((detection) => {
            const camera = cameraName(detection.cameraId);
            const when = formatTimeParts(detection.detectedAt);
            const confidence = formatConfidence(detection.confidence);
            return (
              <tr
                key={detection.id}
                data-testid="detection-row"
                data-class={detection.class}
                onClick={(event) => handleRowClick(event, detection.id)}
                className="cursor-pointer hover:bg-slate-900/70"
              >
                <td className="px-3 py-2">
                  <SnapshotThumbnail src={detection.snapshotUrl} />
                </td>
                <td className="px-3 py-2 font-medium text-slate-100">{formatClass(detection.class)}</td>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <span className="w-10 tabular-nums text-slate-200">{confidence}</span>
                    <span aria-hidden="true" className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-slate-800 lg:block">
                      <span
                        className="block h-full rounded-full bg-sky-500"
                        style={{ width: confidence }}
                      />
                    </span>
                  </div>
                </td>
                <td className="max-w-48 truncate px-3 py-2 text-slate-300" title={camera}>
                  {camera}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <time dateTime={detection.detectedAt} title={formatDateTime(detection.detectedAt)}>
                    <span className="block tabular-nums text-slate-200">{when.time}</span>
                    <span className="block text-xs text-slate-500">{when.day}</span>
                  </time>
                </td>
                <td className="px-3 py-2 text-right">
                  <Button
                    variant="secondary"
                    className="px-2.5! py-1.5! text-xs!"
                    aria-label={`Details: ${detection.class} ${confidence} on ${camera} at ${formatDateTime(detection.detectedAt)}`}
                    onClick={() => onOpen(detection.id)}
                  >
                    Details
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
