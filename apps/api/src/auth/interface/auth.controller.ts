import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '@vms/auth';
import { AuthService } from '../application/auth.service';
import { UsersService } from '../../users/application/users.service';
import { LoginDto, MeResponse, RefreshDto, SessionResponse, toSessionResponse } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly users: UsersService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<SessionResponse> {
    return toSessionResponse(await this.auth.login(body.email, body.password));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() body: RefreshDto): Promise<SessionResponse> {
    return toSessionResponse(await this.auth.refresh(body.refreshToken));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @ApiBearerAuth('bearer')
  @ApiSecurity('api-key')
  @Get('me')
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    if (principal.kind === 'api-key') return { id: principal.id, kind: 'api-key', role: principal.role };
    const user = await this.users.get(principal.id);
    return { id: user.id, kind: 'user', role: user.role, email: user.email, displayName: user.displayName };
  }
}
