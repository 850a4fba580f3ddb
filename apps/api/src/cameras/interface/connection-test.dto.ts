import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Omittable } from '@vms/platform';
import { CredentialsDto } from './camera.dto';

/** The source fields of a camera, as on create. */
export class TestConnectionDto {
  /** rtsp://, rtsps://, http(s)://…/x.m3u8, or file:///path. */
  @IsString() @IsNotEmpty() @MaxLength(2048) sourceUrl: string;
  /** Used for this test only; never stored, logged or returned. */
  @IsOptional() @ValidateNested() @Type(() => CredentialsDto) credentials?: CredentialsDto | null;
}

/** Overrides for a saved camera's source, applied as a PATCH would apply them (omitted: the stored value). */
export class TestCameraConnectionDto {
  @Omittable() @IsString() @IsNotEmpty() @MaxLength(2048) sourceUrl?: string;
  /** Omitted: the stored credentials; `null`: none. */
  @IsOptional() @ValidateNested() @Type(() => CredentialsDto) credentials?: CredentialsDto | null;
}

export class VideoInfoDto {
  @ApiProperty({ example: 'h264' }) codec: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 1920 }) width: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 1080 }) height: number | null;
  @ApiProperty({ required: false, example: 25 }) fps?: number;
}

/** 200 either way: a camera that answers badly is a result, not an HTTP error. */
export class ConnectionTestResponse {
  ok: boolean;
  /** When ok. */
  @ApiProperty({ type: VideoInfoDto, required: false }) video?: VideoInfoDto;
  /** When not ok: `unauthorized`, `connection refused`, `timeout`, `not found`, `host unreachable`, `not a video stream`... */
  @ApiProperty({ required: false, example: 'unauthorized' }) reason?: string;
  @ApiProperty({ required: false, example: 'The camera refused the username or password.' }) message?: string;
}
