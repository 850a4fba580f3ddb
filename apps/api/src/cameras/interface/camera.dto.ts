import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min,
  ValidateBy, ValidateNested, ValidationOptions,
} from 'class-validator';
import { Omittable } from '@vms/platform';
import { CAMERA_STATUSES, COCO_CLASSES, CameraStatus } from '@vms/contracts';
import type { CameraInput } from '../domain/camera';
import { MAX_POINTS, MAX_POLYGONS } from '../domain/roi';

/** Shape check for `[[x,y],...][]`; the geometry rules are the domain's. */
function IsPolygonList(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isPolygonList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.length <= MAX_POLYGONS &&
          value.every((polygon) =>
            Array.isArray(polygon) && polygon.length <= MAX_POINTS &&
            polygon.every((point) => Array.isArray(point) && point.length === 2 && point.every((n) => typeof n === 'number' && Number.isFinite(n)))),
        defaultMessage: () => `must be a list of at most ${MAX_POLYGONS} polygons, each a list of [x, y] number pairs`,
      },
    },
    options,
  );
}

export class LocationDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) lat: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) lng: number;
}

export class CredentialsDto {
  @IsString() @IsNotEmpty() @MaxLength(128) username: string;
  @IsString() @MaxLength(256) password: string;
}

export class AiSettingsDto {
  @Omittable() @IsBoolean() enabled?: boolean;
  @ApiProperty({ enum: COCO_CLASSES, isArray: true, required: false })
  @Omittable() @IsArray() @ArrayMaxSize(COCO_CLASSES.length) @IsString({ each: true }) @IsIn(COCO_CLASSES, { each: true })
  classes?: string[];
  @Omittable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) minConfidence?: number;
  /** Polygons in normalised coordinates (0..1); a detection counts when its box's bottom-centre is inside one. */
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } }, required: false })
  @Omittable() @IsPolygonList() roi?: [number, number][][];
}

export class CreateCameraDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @Omittable() @IsString() @MaxLength(1000) description?: string;
  @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto | null;
  /** rtsp://, rtsps://, http(s)://…/x.m3u8, or file:///path for replaying a recording. */
  @IsString() @IsNotEmpty() @MaxLength(2048) sourceUrl: string;
  /** Stored encrypted; never returned. */
  @IsOptional() @ValidateNested() @Type(() => CredentialsDto) credentials?: CredentialsDto | null;
  @Omittable() @IsBoolean() enabled?: boolean;
  @Omittable() @ValidateNested() @Type(() => AiSettingsDto) ai?: AiSettingsDto;
}

/** Partial update: omitted fields stay; `location: null` and `credentials: null` clear them. */
export class UpdateCameraDto {
  @Omittable() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @Omittable() @IsString() @MaxLength(1000) description?: string;
  @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto | null;
  @Omittable() @IsString() @IsNotEmpty() @MaxLength(2048) sourceUrl?: string;
  @IsOptional() @ValidateNested() @Type(() => CredentialsDto) credentials?: CredentialsDto | null;
  @Omittable() @IsBoolean() enabled?: boolean;
  @Omittable() @ValidateNested() @Type(() => AiSettingsDto) ai?: AiSettingsDto;
}

export class MaskedCredentials {
  username: string;
  @ApiProperty({ example: '********' }) password: '********';
}

export class CameraResponse {
  id: string;
  name: string;
  description: string;
  location: LocationDto | null;
  sourceUrl: string;
  credentials: MaskedCredentials | null;
  enabled: boolean;
  ai: AiSettingsDto;
  @ApiProperty({ enum: CAMERA_STATUSES }) status: CameraStatus;
  lastError: string | null;
  /** Media server path: `cam_<id>`. */
  streamPath: string;
  /**
   * Public HLS playlist, `/hls/cam_<id>/index.m3u8`. Playing it needs a stream token: take the
   * ready-made URLs from the streaming service's `GET /api/streaming/cameras/{id}/urls`.
   */
  @ApiProperty({ example: '/hls/cam_6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01/index.m3u8' }) hlsUrl: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export function toCameraInput(dto: CreateCameraDto): CameraInput {
  return { ...dto, location: dto.location ?? null, credentials: dto.credentials ?? null };
}
