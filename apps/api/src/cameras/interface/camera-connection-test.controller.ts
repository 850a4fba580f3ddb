import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiSecurity, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { ConnectionTestService } from '../application/connection-test.service';
import { ConnectionTestResponse, TestCameraConnectionDto, TestConnectionDto } from './connection-test.dto';

@ApiTags('cameras')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Roles('admin')
@Controller('cameras')
export class CameraConnectionTestController {
  constructor(private readonly tests: ConnectionTestService) {}

  /** Probes a source once (as it would be created: same validation, nothing saved). */
  @Post('test-connection')
  @HttpCode(200)
  @ApiOkResponse({ type: ConnectionTestResponse })
  @ApiServiceUnavailableResponse({ description: 'STREAMING.UNAVAILABLE: the streaming service did not answer' })
  testSource(@Body() body: TestConnectionDto): Promise<ConnectionTestResponse> {
    return this.tests.testSource(body.sourceUrl, body.credentials ?? null);
  }

  /** Probes a saved camera's source with its stored credentials, or with the overrides given. */
  @Post(':id/test-connection')
  @HttpCode(200)
  @ApiOkResponse({ type: ConnectionTestResponse })
  @ApiServiceUnavailableResponse({ description: 'STREAMING.UNAVAILABLE: the streaming service did not answer' })
  testCamera(@Param('id', UuidParam) id: string, @Body() body: TestCameraConnectionDto): Promise<ConnectionTestResponse> {
    return this.tests.testCamera(id, body);
  }
}
