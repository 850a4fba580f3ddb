export * from './principal';
export * from './roles.decorator';
export * from './current-principal.decorator';
export * from './api-key-authenticator';
export * from './authentication.guard';
export * from './roles.guard';
export * from './jwt-auth.module';
export * from './internal-token.guard';
export { Public } from '@vms/platform';
