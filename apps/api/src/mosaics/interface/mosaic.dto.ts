import { ApiProperty } from '@nestjs/swagger';
import { Omittable } from '@vms/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { LAYOUTS, Layout, Mosaic } from '../domain/mosaic';

export class TileDto {
  /** Row-major index inside the grid, from 0. */
  @IsInt() @Min(0) position: number;
  @IsUUID() cameraId: string;
}

export class CreateMosaicDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ enum: LAYOUTS }) @IsIn(LAYOUTS) layout: Layout;
  @IsArray() @ArrayMaxSize(25) @ValidateNested({ each: true }) @Type(() => TileDto) tiles: TileDto[];
}

export class UpdateMosaicDto {
  @Omittable() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiProperty({ enum: LAYOUTS, required: false }) @Omittable() @IsIn(LAYOUTS) layout?: Layout;
  @Omittable() @IsArray() @ArrayMaxSize(25) @ValidateNested({ each: true }) @Type(() => TileDto) tiles?: TileDto[];
}

export class MosaicResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: LAYOUTS }) layout: Layout;
  tiles: TileDto[];
  createdAt: string;
  updatedAt: string;
}

export function toMosaicResponse(mosaic: Mosaic): MosaicResponse {
  return {
    id: mosaic.id,
    name: mosaic.name,
    layout: mosaic.layout,
    tiles: mosaic.tiles.map((tile) => ({ ...tile })),
    createdAt: mosaic.createdAt.toISOString(),
    updatedAt: mosaic.updatedAt.toISOString(),
  };
}
