import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person; global, so one user can belong to several tenants. The email is stored lower-cased and unique. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ name: 'is_platform_admin', type: 'boolean' })
  isPlatformAdmin: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
