import type { Camera, CameraStatus } from '../types';

const STYLES: Record<CameraStatus, { label: string; className: string; dot: string }> = {
  online: { label: 'Online', className: 'border-emerald-500/40 bg-emerald-950/60 text-emerald-300', dot: 'bg-emerald-400' },
  offline: { label: 'Offline', className: 'border-slate-600 bg-slate-800/60 text-slate-300', dot: 'bg-slate-400' },
  error: { label: 'Error', className: 'border-rose-500/40 bg-rose-950/60 text-rose-300', dot: 'bg-rose-400' },
  provisioning: { label: 'Starting', className: 'border-amber-500/40 bg-amber-950/50 text-amber-300', dot: 'bg-amber-400' },
};

export function CameraStatusBadge({ camera }: { camera: Pick<Camera, 'status' | 'lastError' | 'enabled'> }) {
  const style = STYLES[camera.status];
  const reason = camera.lastError ?? (camera.status === 'offline' && !camera.enabled ? 'disabled' : null);
  return (
    <span className="inline-flex max-w-full flex-col gap-0.5">
      <span className={`inline-flex w-fit items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium ${style.className}`}>
        <span aria-hidden="true" className={`size-1.5 rounded-full ${style.dot}`} />
        {style.label}
      </span>
      {reason && <span className="truncate text-xs text-slate-400" title={reason}>{reason}</span>}
    </span>
  );
}
