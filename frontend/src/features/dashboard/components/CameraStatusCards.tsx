import { CAMERA_STATUSES, type CameraStatus } from '../camera-status';
import type { DashboardStats } from '../types';

const STATUS: Record<CameraStatus, { label: string; dot: string }> = {
  online: { label: 'Online', dot: 'bg-emerald-400' },
  offline: { label: 'Offline', dot: 'bg-slate-500' },
  error: { label: 'Error', dot: 'bg-rose-500' },
  provisioning: { label: 'Provisioning', dot: 'bg-amber-400' },
};

export function CameraStatusCards({ cameras }: { cameras: DashboardStats['cameras'] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Card label="Total" value={cameras.total} />
      {CAMERA_STATUSES.map((status) => (
        <Card key={status} label={STATUS[status].label} value={cameras.byStatus[status] ?? 0} dot={STATUS[status].dot} />
      ))}
    </dl>
  );
}

function Card({ label, value, dot }: { label: string; value: number; dot?: string }) {
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/60 px-4 py-3">
      <dt className="flex items-center gap-2 text-sm text-slate-400">
        {dot && <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />}
        {label}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-100">{value}</dd>
    </div>
  );
}
