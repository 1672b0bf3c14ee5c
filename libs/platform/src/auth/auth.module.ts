import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';

/** Authentication primitives every HTTP app uses: access tokens and the global guard. */
@Global()
@Module({
  providers: [AccessTokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenService],
})
export class AuthModule {}
