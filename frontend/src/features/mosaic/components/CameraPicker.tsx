import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { SearchField } from '@/components/ui/SearchField';
import { useCameraSearch } from '../hooks/use-camera-search';
import { mosaicSelectors, useMosaicStore } from '../store';
import { CameraListStatus } from './CameraListStatus';
import { CameraStatusDot, cameraStatusLabel } from './CameraStatusDot';
import { focusTile } from './MosaicTile';

/** The keyboard way to put a camera on a tile: opened from a tile, lists GET /api/cameras. */
export function CameraPicker() {
  const position = useMosaicStore(mosaicSelectors.pickerPosition);
  const closePicker = useMosaicStore((s) => s.closePicker);
  if (position === null) return null;

  return (
    <Dialog title={`Choose a camera for tile ${position + 1}`} size="sm" onClose={closePicker} closeOnBackdropClick={false}>
      <PickerList position={position} onDone={closePicker} />
    </Dialog>
  );
}

function PickerList({ position, onDone }: { position: number; onDone: () => void }) {
  const search = useCameraSearch();
  const current = useMosaicStore(mosaicSelectors.cameraAt(position));
  const assignCamera = useMosaicStore((s) => s.assignCamera);

  const handleChoose = (cameraId: string) => {
    assignCamera(position, cameraId);
    onDone();
    // The empty tile's button that opened the picker is gone now: focus the tile instead.
    requestAnimationFrame(() => focusTile(position));
  };

  return (
    <div className="space-y-3">
      <SearchField label="Search cameras" value={search.query} onChange={search.setQuery} />
      <CameraListStatus search={search} noCameras="There are no cameras yet." />
      <ul aria-label="Cameras" className="max-h-72 space-y-0.5 overflow-y-auto">
        {search.visible.map((camera) => (
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
