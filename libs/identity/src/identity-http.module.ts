import { Module } from '@nestjs/common';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { IdentityModule } from './identity.module';

@Module({ imports: [IdentityModule], controllers: [AuthController, MeController] })
export class IdentityHttpModule {}
