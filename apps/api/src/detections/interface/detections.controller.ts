import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { DetectionsService } from '../application/detections.service';
import { DetectionPageResponse, DetectionResponse, ListDetectionsQuery, toDetectionQuery, toDetectionResponse } from './detection.dto';

@ApiTags('detections')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Controller('detections')
export class DetectionsController {
  constructor(private readonly detections: DetectionsService) {}

  @Roles('admin', 'operator', 'integrator')
  @Get()
  async list(@Query() query: ListDetectionsQuery): Promise<DetectionPageResponse> {
    const page = await this.detections.list(toDetectionQuery(query));
    return { items: page.items.map(toDetectionResponse), nextCursor: page.nextCursor };
  }

  @Roles('admin', 'operator', 'integrator')
  @Get(':id')
  async get(@Param('id', UuidParam) id: string): Promise<DetectionResponse> {
    return toDetectionResponse(await this.detections.get(id));
  }
}
