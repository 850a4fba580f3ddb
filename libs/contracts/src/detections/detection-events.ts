import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, Min, ValidateNested,
} from 'class-validator';

export const TRACK_EVENT_KINDS = ['appeared', 'class-changed'] as const;

/** One tracked object in a detection event; bbox is [x, y, w, h] normalised to 0..1 of the picture. */
export class DetectedObjectV1 {
  @IsString() class: string;
  @IsNumber() @Min(0) @Max(1) confidence: number;
  @IsArray() @ArrayMinSize(4) @ArrayMaxSize(4) @IsNumber({}, { each: true }) @Min(0, { each: true }) @Max(1, { each: true })
  bbox: [number, number, number, number];
  @IsInt() @Min(0) trackId: number;
  /** Why this object is reported: it just appeared, or its class changed. */
  @IsOptional() @IsIn(TRACK_EVENT_KINDS) reason?: (typeof TRACK_EVENT_KINDS)[number];
}

/**
 * Payload of `detection.created.v1` (seed 004 shape): published once per new track (or class
 * change), never once per second for an object that stays.
 */
export class DetectionCreatedV1 {
  @IsUUID() cameraId: string;
  @IsISO8601() timestamp: string;
  @IsString() frameId: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DetectedObjectV1) detections: DetectedObjectV1[];
  /** Public URL of the JPEG with the boxes drawn (`/media/snapshots/...`), or null. */
  @IsOptional() @IsString() snapshotUrl: string | null;
  /** Ids of the stored detection rows, one per object, in the same order. */
  @IsOptional() @IsArray() @IsUUID('4', { each: true }) detectionIds?: string[];
}
