import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, Min, ValidateNested,
} from 'class-validator';

/** AI settings as carried in camera events (`camera.*.v1`). */
export class CameraAiSettingsV1 {
  @IsBoolean() enabled: boolean;
  @IsArray() @IsString({ each: true }) classes: string[];
  @IsNumber() @Min(0) @Max(1) minConfidence: number;
  @IsArray() roi: [number, number][][];
}

/** Payload of `camera.created.v1` and `camera.updated.v1`. Never carries credentials. */
export class CameraChangedV1 {
  @IsUUID() cameraId: string;
  @IsString() name: string;
  @IsString() sourceUrl: string;
  @IsBoolean() hasCredentials: boolean;
  @IsBoolean() enabled: boolean;
  @IsString() streamPath: string;
  @ValidateNested() @Type(() => CameraAiSettingsV1) ai: CameraAiSettingsV1;
  @IsNumber() revision: number;
}

/** Payload of `camera.deleted.v1`. */
export class CameraDeletedV1 {
  @IsUUID() cameraId: string;
  @IsString() streamPath: string;
}

export const CAMERA_EVENT_STATUSES = ['provisioning', 'online', 'offline', 'error'] as const;

/** Payload of `camera.status.changed.v1`. */
export class CameraStatusChangedV1 {
  @IsUUID() cameraId: string;
  @IsIn(CAMERA_EVENT_STATUSES) status: (typeof CAMERA_EVENT_STATUSES)[number];
  @IsOptional() @IsString() reason?: string | null;
  /** How many clients read the stream when it was observed. */
  @IsOptional() @IsInt() @Min(0) readers?: number;
  /** Inbound bitrate in kbit/s, when the media server reports it. */
  @IsOptional() @IsNumber() @Min(0) bitrateKbps?: number | null;
  /** When the media server state was observed; a consumer ignores observations older than what it has. */
  @IsOptional() @IsISO8601() observedAt?: string;
}
