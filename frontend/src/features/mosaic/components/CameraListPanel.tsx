import type { DragEvent } from 'react';
import { GripIcon, PlusIcon } from '@/components/ui/icons';
import { SearchField } from '@/components/ui/SearchField';
import { DRAG_CAMERA } from '../dnd';
import { useCameraSearch } from '../hooks/use-camera-search';
import { firstEmptySlot } from '../layout';
import { useMosaicStore } from '../store';
import type { Camera } from '../types';
import { CameraListStatus } from './CameraListStatus';
import { CameraStatusDot, cameraStatusLabel } from './CameraStatusDot';

/** The cameras to drag onto tiles; each also has a button that fills the first empty tile. */
export function CameraListPanel({ canEdit }: { canEdit: boolean }) {
  const search = useCameraSearch();

  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <h2 className="text-sm font-semibold text-slate-200">Cameras</h2>
      <SearchField label="Search cameras" value={search.query} onChange={search.setQuery} />
      {canEdit && <p className="text-xs text-slate-500">Drag a camera onto a tile.</p>}
      <CameraListStatus search={search} noCameras="No cameras yet. An administrator adds them on the Cameras page." />
      <ul aria-label="Cameras" className="-mx-1 min-h-0 flex-1 space-y-0.5 overflow-y-auto px-1">
        {search.visible.map((camera) => (
          <CameraListItem key={camera.id} camera={camera} canEdit={canEdit} />
        ))}
      </ul>
    </div>
  );
}

function CameraListItem({ camera, canEdit }: { camera: Camera; canEdit: boolean }) {
  const freeSlot = useMosaicStore((s) => (s.draft ? firstEmptySlot(s.draft.slots) : -1));
  const assignCamera = useMosaicStore((s) => s.assignCamera);

  const handleDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(DRAG_CAMERA, camera.id);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <li
      draggable={canEdit}
      onDragStart={canEdit ? handleDragStart : undefined}
      data-testid="camera-list-item"
      data-camera-id={camera.id}
      className={`group flex items-center gap-2 rounded-md px-1.5 py-1.5 text-sm hover:bg-slate-800/70 ${canEdit ? 'cursor-grab active:cursor-grabbing' : ''}`}
    >
      {canEdit && <GripIcon className="size-4 shrink-0 text-slate-600" />}
      <CameraStatusDot camera={camera} />
      <span className="min-w-0 flex-1 truncate text-slate-200" title={camera.name}>
        {camera.name}
      </span>
      <span className="sr-only">({cameraStatusLabel(camera)})</span>
      {canEdit && (
        <button
          type="button"
          aria-label={`Add ${camera.name} to the first empty tile`}
          title={freeSlot === -1 ? 'No empty tile' : 'Add to the first empty tile'}
          disabled={freeSlot === -1}
          onClick={() => assignCamera(freeSlot, camera.id)}
          className="rounded p-1 text-slate-400 hover:bg-slate-700 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-400 disabled:cursor-not-allowed disabled:opacity-30"
        >
          <PlusIcon className="size-4" />
        </button>
      )}
    </li>
  );
}
