import { Link } from 'react-router';
import type { TopCamera } from '../types';

/** The busiest cameras; each links to its detections on the Events page. */
export function TopCamerasList({ cameras }: { cameras: TopCamera[] }) {
  if (cameras.length === 0) {
    return <p className="text-sm text-slate-500">No camera detected anything in the last 24 hours.</p>;
  }
  const most = cameras[0]?.count ?? 1;
  return (
    <ol className="space-y-3">
      {cameras.map((camera, index) => (
        <li key={camera.cameraId} className="space-y-1">
          <div className="flex items-baseline gap-2 text-sm">
            <span aria-hidden="true" className="w-4 text-slate-500 tabular-nums">
              {index + 1}
            </span>
            <Link
              to={`/events?cameraId=${encodeURIComponent(camera.cameraId)}`}
              className="min-w-0 flex-1 truncate rounded-sm font-medium text-sky-400 hover:text-sky-300 focus-visible:outline-2 focus-visible:outline-sky-400"
              title={`Detections of ${camera.name}`}
            >
              {camera.name}
            </Link>
            <span className="tabular-nums text-slate-300">
              {camera.count}
              <span className="sr-only"> detections</span>
            </span>
          </div>
          <div aria-hidden="true" className="ml-6 h-1.5 overflow-hidden rounded-full bg-slate-800">
            <div className="h-full rounded-full bg-sky-500" style={{ width: `${(camera.count / most) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
