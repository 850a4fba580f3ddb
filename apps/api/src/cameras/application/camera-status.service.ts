import { Injectable } from '@nestjs/common';
import type { CameraStatus } from '@vms/contracts';
import { CameraRepository } from '../domain/camera.repository';
import { CameraCache } from './camera-cache';

/** A status the streaming service observed for a camera. */
export interface StatusReport {
  cameraId: string;
  status: CameraStatus;
  reason: string | null;
  observedAt: Date;
}

/** Keeps camera status in step with what the streaming service reports. */
@Injectable()
export class CameraStatusService {
  constructor(private readonly cameras: CameraRepository, private readonly cache: CameraCache) {}

  /** Returns false when the report was ignored: unknown camera, older than the stored status, or refused by the camera's rules. */
  async apply(report: StatusReport, now = new Date()): Promise<boolean> {
    const camera = await this.cameras.findById(report.cameraId);
    if (!camera) return false;
    // A time ahead of ours (clock skew) would pin this status against every later report.
    const observedAt = report.observedAt > now ? now : report.observedAt;
    if (!camera.reportStatus(report.status, report.reason, observedAt)) return false;
    if (!(await this.cameras.saveStatus(camera))) return false;
    await this.cache.invalidate(camera.id);
    return true;
  }
}
