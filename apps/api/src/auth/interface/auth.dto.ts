import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@vms/auth';
import type { Session } from '../application/auth.service';

export class LoginDto {
  @IsEmail() @MaxLength(254) email: string;
  @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class RefreshDto {
  @IsString() @MinLength(1) @MaxLength(200) refreshToken: string;
}

export class SessionUser {
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class SessionResponse {
  accessToken: string;
  refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUser;
}

export class MeResponse {
  id: string;
  @ApiProperty({ enum: ['user', 'api-key'] }) kind: 'user' | 'api-key';
  @ApiProperty({ enum: ROLES }) role: Role;
  email?: string;
  displayName?: string;
}

export function toSessionResponse(session: Session): SessionResponse {
  const { user } = session;
  return {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    tokenType: 'Bearer',
    expiresIn: session.expiresIn,
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
  };
}
