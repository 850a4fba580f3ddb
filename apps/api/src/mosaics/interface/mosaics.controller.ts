import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { MosaicsService } from '../application/mosaics.service';
import { CreateMosaicDto, MosaicResponse, toMosaicResponse, UpdateMosaicDto } from './mosaic.dto';

@ApiTags('mosaics')
@ApiBearerAuth('bearer')
@Roles('admin', 'operator')
@Controller('mosaics')
export class MosaicsController {
  constructor(private readonly mosaics: MosaicsService) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<MosaicResponse[]> {
    return (await this.mosaics.list(principal.id)).map(toMosaicResponse);
  }

  @Get(':id')
  async get(@Param('id', UuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<MosaicResponse> {
    return toMosaicResponse(await this.mosaics.get(id, principal.id));
  }

  @Post()
  async create(@Body() body: CreateMosaicDto, @CurrentPrincipal() principal: Principal): Promise<MosaicResponse> {
    return toMosaicResponse(await this.mosaics.create(principal.id, body));
  }

  @Patch(':id')
  async update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateMosaicDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MosaicResponse> {
    return toMosaicResponse(await this.mosaics.update(id, principal.id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', UuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.mosaics.delete(id, principal.id);
  }
}
