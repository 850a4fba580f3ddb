import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsString, IsUUID, isISO8601, Max, Min, ValidateBy, ValidationOptions,
} from 'class-validator';
import { COCO_CLASSES } from '@vms/contracts';
import { Omittable } from '@vms/platform';
import type { BoundingBox, Detection, DetectionQuery } from '../application/detection';
import { decodeCursor } from '../application/detection-cursor';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Query values are text: a plain decimal becomes a number; anything else (even '') stays text and fails validation. */
const ToNumber = () => Transform(({ value }) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value));

/** `class=car&class=person` and `class=car,person` both give a list. */
const ToList = () =>
  Transform(({ value }) => (Array.isArray(value) ? value : [value]).flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item])));

/** An unencoded `+` in a query string arrives as a space: `…T12:00:00 02:00` meant `+02:00`. */
const ToZonedDateTime = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.replace(/^(.*\d) (\d{2}:\d{2})$/, '$1+$2') : value));

function IsZonedDateTime(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isZonedDateTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ZONED_DATE_TIME.test(value) && isISO8601(value, { strict: true }),
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z`,
      },
    },
    options,
  );
}

function IsNotBefore(property: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [property],
      validator: {
        validate: (value: unknown, args) => {
          const other = (args?.object as Record<string, unknown>)[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [start, end] = [Date.parse(other), Date.parse(value)];
          return Number.isNaN(start) || Number.isNaN(end) || end >= start;
        },
        defaultMessage: (args) => `${args?.property} must not be before ${property}`,
      },
    },
    options,
  );
}

function IsDetectionCursor(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isDetectionCursor',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeCursor(value) !== null,
        defaultMessage: () => 'cursor must be a nextCursor returned by this endpoint',
      },
    },
    options,
  );
}

/** Filters and page of `GET /api/detections`; newest first (detected_at desc, id desc). */
export class ListDetectionsQuery {
  @ApiProperty({ required: false, format: 'uuid' })
  @Omittable() @IsUUID() cameraId?: string;

  /** One or several COCO classes: repeat the parameter or separate with commas. */
  @ApiProperty({ enum: COCO_CLASSES, isArray: true, required: false })
  @Omittable() @ToList() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(COCO_CLASSES.length) @IsIn(COCO_CLASSES, { each: true })
  class?: string[];

  /** Detected at or after (ISO 8601 with a time zone). */
  @ApiProperty({ required: false, format: 'date-time', example: '2024-05-01T00:00:00Z' })
  @Omittable() @ToZonedDateTime() @IsZonedDateTime()
  from?: string;

  /** Detected before (exclusive; ISO 8601 with a time zone). */
  @ApiProperty({ required: false, format: 'date-time', example: '2024-05-02T00:00:00Z' })
  @Omittable() @ToZonedDateTime() @IsZonedDateTime() @IsNotBefore('from')
  to?: string;

  @ApiProperty({ required: false, minimum: 0, maximum: 1 })
  @Omittable() @ToNumber() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  minConfidence?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Omittable() @ToNumber() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** `nextCursor` of the previous page; send the same filters with it. */
  @ApiProperty({ required: false, description: '`nextCursor` of the previous page; send the same filters with it' })
  @Omittable() @IsString() @IsDetectionCursor()
  cursor?: string;
}

export class DetectionResponse {
  id: string;
  cameraId: string;
  @ApiProperty({ example: 'person' }) class: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence: number;
  @ApiProperty({ type: [Number], minItems: 4, maxItems: 4, example: [0.12, 0.3, 0.08, 0.25], description: '[x, y, width, height], normalised to 0..1' })
  bbox: BoundingBox;
  trackId: number;
  @ApiProperty({ type: String, nullable: true, example: '/media/snapshots/…jpg' }) snapshotUrl: string | null;
  @ApiProperty({ format: 'date-time' }) detectedAt: string;
}

export class DetectionPageResponse {
  @ApiProperty({ type: [DetectionResponse] }) items: DetectionResponse[];
  /** Pass as `cursor` for the next page; null on the last one. */
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toDetectionQuery(query: ListDetectionsQuery): DetectionQuery {
  return {
    filter: {
      cameraId: query.cameraId,
      classes: query.class,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      minConfidence: query.minConfidence,
    },
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    after: query.cursor === undefined ? null : decodeCursor(query.cursor),
  };
}

export function toDetectionResponse(detection: Detection): DetectionResponse {
  return {
    id: detection.id,
    cameraId: detection.cameraId,
    class: detection.class,
    confidence: detection.confidence,
    bbox: detection.bbox,
    trackId: detection.trackId,
    snapshotUrl: detection.snapshotUrl,
    detectedAt: detection.detectedAt.toISOString(),
  };
}
