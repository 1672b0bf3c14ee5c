import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { PoliciesGuard } from './policies.guard';

/** Authentication and authorisation every HTTP app uses: access tokens and the two global guards. */
@Global()
@Module({
  // Guards run in this order: authenticate, then authorise.
  providers: [AccessTokenService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: PoliciesGuard }],
  exports: [AccessTokenService],
})
export class AuthModule {}
