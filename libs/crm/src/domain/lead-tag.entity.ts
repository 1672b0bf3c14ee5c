import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Lead } from './lead.entity';

/** One tag of a lead, for `?tag=` filters over (tenant_id, tag, lead_id). Written together with the lead's own `tags`. */
@Entity({ name: 'lead_tags' })
@Index('lead_tags_tag_uq', ['tenantId', 'tag', 'leadId'], { unique: true })
@Index('lead_tags_lead_idx', ['tenantId', 'leadId'])
export class LeadTag extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 50 })
  tag: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'lead_id', referencedColumnName: 'id' },
  ])
  lead?: Lead;
}
