import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Spinner } from '@/components/ui/Spinner';
import type { CameraSearch } from '../hooks/use-camera-search';

export interface CameraListStatusProps {
  search: CameraSearch;
  /** Shown when there is no camera at all (not just none matching the search). */
  noCameras: string;
}

/** Says why a searched camera list shows nothing: loading, failed, empty or no match. */
export function CameraListStatus({ search: { cameras, visible }, noCameras }: CameraListStatusProps) {
  if (cameras.isPending) return <Spinner label="Loading cameras…" />;
  if (cameras.isError) return <ErrorAlert>Could not load cameras: {cameras.error.message}</ErrorAlert>;
  if (visible.length > 0) return null;
  return <p className="text-sm text-slate-400">{cameras.data.length === 0 ? noCameras : 'No camera matches.'}</p>;
}
