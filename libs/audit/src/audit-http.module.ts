import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { AuditLogsController } from './http/audit-logs.controller';

@Module({ imports: [AuditModule], controllers: [AuditLogsController] })
export class AuditHttpModule {}
