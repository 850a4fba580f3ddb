import { ApiProperty } from '@nestjs/swagger';

export class CameraStatusCounts {
  provisioning: number;
  online: number;
  offline: number;
  error: number;
}

export class CameraCounts {
  total: number;
  byStatus: CameraStatusCounts;
}

export class HourlyDetections {
  /** Start of the UTC hour. */
  @ApiProperty({ format: 'date-time', example: '2024-05-01T13:00:00.000Z' }) hour: string;
  @ApiProperty({ example: 'person' }) class: string;
  count: number;
}

export class TopCamera {
  cameraId: string;
  name: string;
  count: number;
}

export class DashboardStatsResponse {
  cameras: CameraCounts;
  /** Detections per UTC hour and class over the current hour and the 23 before it; pairs without detections are left out. */
  @ApiProperty({ type: [HourlyDetections] }) detectionsPerHour: HourlyDetections[];
  /** The 5 existing cameras with the most detections over the same 24 hours. */
  @ApiProperty({ type: [TopCamera] }) topCameras: TopCamera[];
  /** When these figures were computed (they are cached for a few seconds). */
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}
