import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/** A throwaway tenant table that exists only in tests: it proves the unit of work and RLS before real contexts land. */
@Entity({ name: 'notes' })
export class Note extends TenantOwnedEntity {
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
