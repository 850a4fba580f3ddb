import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InternalTokenGuard, Public } from '@vms/auth';
import { SourceCheck, SourceCheckService } from '../application/source-check.service';
import { InternalSourceDto } from './internal-cameras.dto';

/** The api's "test connection": probes a source once (the api has already applied its URL policy). */
@ApiExcludeController()
@Public()
@SkipThrottle()
@UseGuards(InternalTokenGuard)
@Controller('internal/source-checks')
export class InternalSourceChecksController {
  constructor(private readonly checks: SourceCheckService) {}

  @Post()
  @HttpCode(200)
  check(@Body() body: InternalSourceDto): Promise<SourceCheck> {
    return this.checks.check({ url: body.url, credentials: body.credentials ?? null });
  }
}
