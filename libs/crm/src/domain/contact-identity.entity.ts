import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ChannelType, TenantOwnedEntity } from '@saler/platform';
import { Contact } from './contact.entity';

/** A contact's user id on one chat platform; one platform user is one contact per tenant. */
@Entity({ name: 'contact_identities' })
@Index('contact_identities_platform_uq', ['tenantId', 'channel', 'platformUserId'], { unique: true })
@Index('contact_identities_contact_idx', ['tenantId', 'contactId'])
export class ContactIdentity extends TenantOwnedEntity {
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: ChannelType;

  @Column({ name: 'platform_user_id', type: 'varchar', length: 200 })
  platformUserId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'contact_id', referencedColumnName: 'id' },
  ])
  contact?: Contact;
}
