import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ApiEnv } from '../../api.env';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';

/**
 * Creates the first admin when there is none: from ADMIN_EMAIL/ADMIN_PASSWORD, or with a
 * generated password printed once on stdout (never through the log).
 */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminBootstrap.name);

  constructor(private readonly env: ApiEnv, private readonly users: UserRepository, private readonly service: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.countByRole('admin', false)) > 0) return;
    const email = this.env.ADMIN_EMAIL ?? 'admin@vms.local';
    const generated = !this.env.ADMIN_PASSWORD;
    const password = this.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    try {
      await this.service.create({ email, password, role: 'admin', displayName: 'Administrator' });
    } catch (error) {
      // Another api instance won the race to create it.
      if ((await this.users.countByRole('admin', false)) > 0) return;
      throw error;
    }
    this.logger.log({ email }, 'first admin created');
    if (generated) {
      process.stdout.write(
        `\n  First admin created: ${email}\n  Generated password (shown once): ${password}\n  Set ADMIN_EMAIL/ADMIN_PASSWORD to choose them.\n\n`,
      );
    }
  }
}
