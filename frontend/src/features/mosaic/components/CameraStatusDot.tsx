import type { Camera } from '../types';

const COLORS: Record<Camera['status'], string> = {
  online: 'bg-emerald-400',
  provisioning: 'bg-amber-400',
  offline: 'bg-slate-500',
  error: 'bg-rose-500',
};

export function cameraStatusLabel(camera: Camera): string {
  return camera.enabled ? camera.status : 'disabled';
}

export function CameraStatusDot({ camera }: { camera: Camera }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-2 shrink-0 rounded-full ${camera.enabled ? COLORS[camera.status] : 'bg-slate-600'}`}
    />
  );
}
