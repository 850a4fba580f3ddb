import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { CamerasService } from '../application/cameras.service';
import { CameraResponse, CreateCameraDto, toCameraInput, UpdateCameraDto } from './camera.dto';

@ApiTags('cameras')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Controller('cameras')
export class CamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Roles('admin', 'operator', 'integrator')
  @Get()
  list(): Promise<CameraResponse[]> {
    return this.cameras.list();
  }

  @Roles('admin', 'operator', 'integrator')
  @Get(':id')
  get(@Param('id', UuidParam) id: string): Promise<CameraResponse> {
    return this.cameras.get(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() body: CreateCameraDto): Promise<CameraResponse> {
    return this.cameras.create(toCameraInput(body));
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidParam) id: string, @Body() body: UpdateCameraDto): Promise<CameraResponse> {
    return this.cameras.update(id, body);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', UuidParam) id: string): Promise<void> {
    return this.cameras.delete(id);
  }
}
