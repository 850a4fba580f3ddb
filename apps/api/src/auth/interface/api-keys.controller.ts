import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { ApiKeysService } from '../application/api-keys.service';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse, toApiKeyResponse } from './api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth('bearer')
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  async list(): Promise<ApiKeyResponse[]> {
    return (await this.apiKeys.list()).map(toApiKeyResponse);
  }

  @Post()
  async create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() principal: Principal): Promise<CreatedApiKeyResponse> {
    const { record, key } = await this.apiKeys.create(body.name, principal.id);
    return { ...toApiKeyResponse(record), key };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id', UuidParam) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
