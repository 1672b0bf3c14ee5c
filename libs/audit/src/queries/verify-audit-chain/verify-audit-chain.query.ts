import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TenantQuery } from '@saler/platform';

export class AuditChainVerdict {
  @ApiProperty({ description: 'True when every entry links to its predecessor and its hash matches its content' })
  valid: boolean;

  @ApiProperty({ description: 'Entries checked' })
  checked: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The first entry that does not verify' })
  brokenAtId?: string;
}

/** Re-computes the tenant's whole hash chain. */
export class VerifyAuditChainQuery extends TenantQuery<AuditChainVerdict> {}
