import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { UsersService } from '../application/users.service';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserResponse } from './user.dto';

@ApiTags('users')
@ApiBearerAuth('bearer')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(toUserResponse);
  }

  @Get(':id')
  async get(@Param('id', UuidParam) id: string): Promise<UserResponse> {
    return toUserResponse(await this.users.get(id));
  }

  @Post()
  async create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(body));
  }

  @Patch(':id')
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', UuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.users.delete(id, principal.id);
  }
}
