import { Button } from '@/components/ui/Button';
import { withoutCredentials } from '../camera-form';
import type { Camera } from '../types';
import { CameraStatusBadge } from './CameraStatusBadge';

export interface CameraListProps {
  cameras: Camera[];
  onEdit: (camera: Camera) => void;
  onDelete: (camera: Camera) => void;
}

function YesNo({ value, yes = 'On', no = 'Off' }: { value: boolean; yes?: string; no?: string }) {
  return <span className={value ? 'text-slate-200' : 'text-slate-500'}>{value ? yes : no}</span>;
}

export function CameraList({ cameras, onEdit, onDelete }: CameraListProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table className="w-full min-w-[40rem] table-fixed text-left text-sm">
        <caption className="sr-only">Cameras, with their live status</caption>
        <thead className="bg-slate-900 text-xs uppercase tracking-wide text-slate-400">
          <tr>
            <th scope="col" className="w-36 px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="hidden px-4 py-3 font-medium lg:table-cell lg:w-[32%]">URL</th>
            <th scope="col" className="w-16 px-4 py-3 font-medium">AI</th>
            <th scope="col" className="w-24 px-4 py-3 font-medium">Enabled</th>
            <th scope="col" className="w-40 px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {cameras.map((camera) => {
            const url = withoutCredentials(camera.sourceUrl);
            return (
              <tr key={camera.id} data-testid="camera-row" data-camera-id={camera.id} data-status={camera.status} className="bg-slate-950/40 hover:bg-slate-900/60">
                <td className="px-4 py-3 align-top">
                  <CameraStatusBadge camera={camera} />
                </td>
                <td className="px-4 py-3 align-top">
                  <div className="truncate font-medium text-slate-100" title={camera.name}>{camera.name}</div>
                  <div className="truncate font-mono text-xs text-slate-500 lg:hidden" title={url}>{url}</div>
                </td>
                <td className="hidden px-4 py-3 align-top lg:table-cell">
                  <div className="truncate font-mono text-xs text-slate-400" title={url}>{url}</div>
                </td>
                <td className="px-4 py-3 align-top">
                  <YesNo value={camera.ai.enabled} />
                </td>
                <td className="px-4 py-3 align-top">
                  <YesNo value={camera.enabled} yes="Yes" no="No" />
                </td>
                <td className="px-4 py-2 text-right align-top">
                  <div className="flex justify-end gap-1">
                    <Button variant="ghost" className="px-2.5 py-1.5" aria-label={`Edit ${camera.name}`} onClick={() => onEdit(camera)}>
                      Edit
                    </Button>
                    <Button variant="ghost" className="px-2.5 py-1.5 text-rose-300 hover:text-rose-200" aria-label={`Delete ${camera.name}`} onClick={() => onDelete(camera)}>
                      Delete
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
