import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '@vms/platform';
import { ROLES, Role } from '@vms/auth';
import type { User } from '../application/user.repository';

export class CreateUserDto {
  @IsEmail() @MaxLength(254) email: string;
  @IsString() @MinLength(10) @MaxLength(200) password: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @Omittable() @IsString() @MinLength(1) @MaxLength(100) displayName?: string;
}

export class UpdateUserDto {
  @ApiProperty({ enum: ROLES, required: false }) @Omittable() @IsIn(ROLES) role?: Role;
  @Omittable() @IsString() @MinLength(1) @MaxLength(100) displayName?: string;
  @Omittable() @IsString() @MinLength(10) @MaxLength(200) password?: string;
  @Omittable() @IsBoolean() disabled?: boolean;
}

export class UserResponse {
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  disabled: boolean;
  createdAt: string;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}
