import type { MouseEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { DataTable } from '@/components/ui/DataTable';
import { formatClass, formatConfidence, formatDateTime, formatTimeParts } from '../format';
import type { Detection } from '../types';
import { SnapshotThumbnail } from './SnapshotThumbnail';

export interface DetectionTableProps {
  detections: Detection[];
  cameraName: (cameraId: string) => string;
  onOpen: (id: string) => void;
}

/** Detections, newest first; a row opens its detail (the Details button for keyboards). */
export function DetectionTable({ detections, cameraName, onOpen }: DetectionTableProps) {
  function handleRowClick(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // The row's own button already opened it.
    if ((event.target as HTMLElement).closest('button, a')) return;
    onOpen(id);
  }

  return (
    <DataTable
      caption="Detections, newest first"
      className="min-w-[40rem]"
      columns={['Snapshot', 'Class', 'Confidence', 'Camera', 'Time', { label: 'Actions', srOnly: true }]}
    >
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
    </DataTable>
  );
}
