import { Global, Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';

/** Access-token signing and verification, for every process (the api's guards, identity's commands, the CLI). */
@Global()
@Module({ providers: [AccessTokenService], exports: [AccessTokenService] })
export class TokensModule {}
