import { Global, Module } from '@nestjs/common';
import { AuditSink } from '@saler/platform';
import { AuditLogSink } from './domain/audit-log.sink';
import { ListAuditLogsHandler } from './queries/list-audit-logs/list-audit-logs.handler';
import { VerifyAuditChainHandler } from './queries/verify-audit-chain/verify-audit-chain.handler';

/** The append-only audit log: the sink every unit of work writes to, and its queries. */
@Global()
@Module({
  providers: [{ provide: AuditSink, useClass: AuditLogSink }, ListAuditLogsHandler, VerifyAuditChainHandler],
  exports: [AuditSink],
})
export class AuditModule {}
