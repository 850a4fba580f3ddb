import { useId, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Spinner } from '@/components/ui/Spinner';
import { useLiveCameras } from '../hooks/use-live-cameras';
import { mosaicSelectors, useMosaicStore } from '../store';
import { matchesQuery } from './CameraListPanel';
import { CameraStatusDot, cameraStatusLabel } from './CameraStatusDot';
import { Dialog } from './Dialog';
import { focusTile } from './MosaicTile';

/** The keyboard way to put a camera on a tile: opened from a tile, lists GET /api/cameras. */
export function CameraPicker() {
  const position = useMosaicStore(mosaicSelectors.pickerPosition);
  const closePicker = useMosaicStore((s) => s.closePicker);
  const title = position === null ? 'Choose a camera' : `Choose a camera for tile ${position + 1}`;

  return (
    <Dialog open={position !== null} title={title} onClose={closePicker}>
      {position !== null && <PickerList position={position} onDone={closePicker} />}
    </Dialog>
  );
}

function PickerList({ position, onDone }: { position: number; onDone: () => void }) {
  const searchId = useId();
  const cameras = useLiveCameras();
  const current = useMosaicStore(mosaicSelectors.cameraAt(position));
  const assignCamera = useMosaicStore((s) => s.assignCamera);
  const [query, setQuery] = useState('');
  const visible = (cameras.data ?? []).filter((camera) => matchesQuery(camera, query));

  const handleChoose = (cameraId: string) => {
    assignCamera(position, cameraId);
    onDone();
    // The empty tile's button that opened the picker is gone now: focus the tile instead.
    requestAnimationFrame(() => focusTile(position));
  };

  return (
    <div className="space-y-3">
      <label htmlFor={searchId} className="sr-only">
        Search cameras
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        autoFocus
        placeholder="Search cameras"
        onChange={(event) => setQuery(event.target.value)}
        className="w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40"
      />
      {cameras.isPending && <Spinner label="Loading cameras…" />}
      {cameras.isError && <ErrorAlert>Could not load cameras: {cameras.error.message}</ErrorAlert>}
      {cameras.isSuccess && visible.length === 0 && (
        <p className="text-sm text-slate-400">
          {cameras.data.length === 0 ? 'There are no cameras yet.' : 'No camera matches.'}
        </p>
      )}
      <ul aria-label="Cameras" className="max-h-72 space-y-0.5 overflow-y-auto">
        {visible.map((camera) => (
          <li key={camera.id}>
            <button
              type="button"
              aria-current={camera.id === current ? 'true' : undefined}
              onClick={() => handleChoose(camera.id)}
              className="flex w-full items-center gap-2 rounded-md px-2 py-2 text-left text-sm text-slate-200 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 aria-[current=true]:bg-slate-800"
            >
              <CameraStatusDot camera={camera} />
              <span className="min-w-0 flex-1 truncate">{camera.name}</span>
              <span className="text-xs text-slate-500">
                {camera.id === current ? 'in this tile' : cameraStatusLabel(camera)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="flex justify-end">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
