import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One failed login for an email (global: the email may match no user). Drives the lockout window. */
@Entity({ name: 'login_failures' })
@Index('login_failures_email_idx', ['email', 'failedAt'])
export class LoginFailure {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;
}
