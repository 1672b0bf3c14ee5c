import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditEntry } from '../../domain/audit-entry.entity';

export class AuditLogView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Position in the tenant chain' })
  seq: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ example: { type: 'user', id: '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11' } })
  actor: { type: string; id: string | null };

  @ApiProperty({ example: 'lead.updated' })
  action: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  entityType: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  entityId: string | null;

  @ApiPropertyOptional({ nullable: true, type: Object })
  before: Record<string, unknown> | null;

  @ApiPropertyOptional({ nullable: true, type: Object })
  after: Record<string, unknown> | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  ip: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  userAgent: string | null;

  @ApiProperty()
  requestId: string;

  @ApiProperty()
  hash: string;
}

export class AuditLogPage {
  @ApiProperty({ type: [AuditLogView] })
  data: AuditLogView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toView(entry: AuditEntry): AuditLogView {
  return {
    id: entry.id,
    seq: entry.seq,
    occurredAt: entry.occurredAt.toISOString(),
    actor: { type: entry.actorType, id: entry.actorId },
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    ip: entry.ip,
    userAgent: entry.userAgent,
    requestId: entry.requestId,
    hash: entry.hash,
  };
}
