import { QueryHandler } from '@nestjs/cqrs';
import { MoreThan } from 'typeorm';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { firstBrokenLink, GENESIS_HASH } from '../../domain/audit-chain';
import { AuditEntry } from '../../domain/audit-entry.entity';
import { AuditChainVerdict, VerifyAuditChainQuery } from './verify-audit-chain.query';

const BATCH = 1000;

@QueryHandler(VerifyAuditChainQuery)
export class VerifyAuditChainHandler extends TenantQueryHandler<VerifyAuditChainQuery, AuditChainVerdict> {
  protected async handle(_query: VerifyAuditChainQuery, tx: TenantTx): Promise<AuditChainVerdict> {
    let checked = 0;
    let previousHash = GENESIS_HASH;
    let afterSeq = 0;
    for (;;) {
      const batch = await tx.repository(AuditEntry).find({ where: { seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: BATCH });
      if (batch.length === 0) return { valid: true, checked };
      const broken = firstBrokenLink(batch, previousHash);
      if (broken !== undefined) return { valid: false, checked: checked + batch.findIndex((entry) => entry.id === broken) + 1, brokenAtId: broken };
      checked += batch.length;
      previousHash = batch[batch.length - 1].hash;
      afterSeq = batch[batch.length - 1].seq;
    }
  }
}
