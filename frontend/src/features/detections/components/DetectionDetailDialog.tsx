import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Spinner } from '@/components/ui/Spinner';
import { ApiError } from '@/lib/api-client';
import { formatClass, formatConfidence, formatDateTime, formatFraction } from '../format';
import { useDetection } from '../hooks/use-detection';
import type { Detection } from '../types';
import { SnapshotWithBox } from './SnapshotWithBox';

export interface DetectionDetailDialogProps {
  id: string;
  cameraName: (cameraId: string) => string;
  onClose: () => void;
  /** Filters the list to this detection's camera. */
  onShowCamera: (cameraId: string) => void;
}

export function DetectionDetailDialog({ id, cameraName, onClose, onShowCamera }: DetectionDetailDialogProps) {
  const { data: detection, error, isPending } = useDetection(id);
  const closeRef = useRef<HTMLButtonElement>(null);

  if (!detection) {
    return (
      // Same closeRef as below: the Dialog stays mounted when the detection arrives.
      <Dialog title="Detection" onClose={onClose} size="xl" initialFocusRef={closeRef}>
        {isPending ? <Spinner label="Loading the detection…" /> : <ErrorAlert>{describeError(error)}</ErrorAlert>}
      </Dialog>
    );
  }

  const camera = cameraName(detection.cameraId);
  return (
    <Dialog
      title={`${formatClass(detection.class)} · ${formatConfidence(detection.confidence)}`}
      description={`${camera} · ${formatDateTime(detection.detectedAt)}`}
      onClose={onClose}
      size="xl"
      initialFocusRef={closeRef}
      footer={
        <>
          {detection.snapshotUrl && (
            <a
              href={detection.snapshotUrl}
              target="_blank"
              rel="noreferrer"
              className="mr-auto self-center rounded-md text-sm font-medium text-sky-400 hover:text-sky-300 focus-visible:outline-2 focus-visible:outline-sky-400"
            >
              Open full-size snapshot
            </a>
          )}
          <Button variant="secondary" onClick={() => onShowCamera(detection.cameraId)}>
            All detections of this camera
          </Button>
          <Button ref={closeRef} onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <DetectionDetail detection={detection} camera={camera} />
    </Dialog>
  );
}

function DetectionDetail({ detection, camera }: { detection: Detection; camera: string }) {
  const [showBox, setShowBox] = useState(true);
  const [x, y, width, height] = detection.bbox;
  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_15rem]">
      <div className="space-y-2">
        <SnapshotWithBox
          src={detection.snapshotUrl}
          alt={`Snapshot from ${camera}: ${detection.class} detected at ${formatDateTime(detection.detectedAt)}`}
          bbox={detection.bbox}
          showBox={showBox}
        />
        {detection.snapshotUrl && (
          <label className="inline-flex items-center gap-2 text-sm text-slate-300">
            <input
              type="checkbox"
              checked={showBox}
              onChange={(event) => setShowBox(event.target.checked)}
              className="size-4 accent-sky-500"
            />
            Outline this detection
          </label>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] content-start gap-x-4 gap-y-2 text-sm lg:grid-cols-1 lg:gap-y-1">
        <Item term="Class">{formatClass(detection.class)}</Item>
        <Item term="Confidence">{formatConfidence(detection.confidence)}</Item>
        <Item term="Camera">{camera}</Item>
        <Item term="Detected at">
          <time dateTime={detection.detectedAt}>{formatDateTime(detection.detectedAt)}</time>
        </Item>
        <Item term="Track">#{detection.trackId}</Item>
        <Item term="Box (of the frame)">
          <span className="tabular-nums">
            x {formatFraction(x)}, y {formatFraction(y)}
            <br />
            {formatFraction(width)} × {formatFraction(height)}
          </span>
        </Item>
      </dl>
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-400 lg:mt-2">{term}</dt>
      <dd className="text-slate-100">{children}</dd>
    </>
  );
}

function describeError(error: Error | null): string {
  if (error instanceof ApiError && error.status === 404) {
    return 'This detection no longer exists. It may have been removed by the retention policy.';
  }
  return error?.message ?? 'The detection could not be loaded.';
}
