import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

export class InternalCredentialsDto {
  @IsString() @IsNotEmpty() @MaxLength(128) username: string;
  @IsString() @MaxLength(256) password: string;
}

export class InternalSourceDto {
  @IsString() @IsNotEmpty() @MaxLength(2048) url: string;
  @IsOptional() @ValidateNested() @Type(() => InternalCredentialsDto) credentials: InternalCredentialsDto | null;
}

/** What the api sends when a camera is created or changed. */
export class ProvisionCameraDto {
  @IsUUID() cameraId: string;
  @IsString() @Matches(/^cam_[0-9a-f-]{36}$/) streamPath: string;
  @IsBoolean() enabled: boolean;
  @IsInt() @Min(1) revision: number;
  @ValidateNested() @Type(() => InternalSourceDto) source: InternalSourceDto;
}

export class StreamUrlsDto {
  hls: string;
  whep: string | null;
}

export class ProvisionedResponse {
  streamPath: string;
  urls: StreamUrlsDto;
}
