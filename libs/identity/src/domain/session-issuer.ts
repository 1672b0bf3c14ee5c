import { Injectable } from '@nestjs/common';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService, newId, TenantTx } from '@saler/platform';
import { formatTenantToken, hashSecret, newSecret } from './tenant-token';
import { RefreshToken } from './refresh-token.entity';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The role claim of a platform admin's session outside any tenant; it grants nothing in tenants. */
export const PLATFORM_ADMIN_ROLE = 'platform_admin';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Issues an access token and the next refresh token of a family, inside the tenant's unit of work. */
@Injectable()
export class SessionIssuer {
  constructor(private readonly tokens: AccessTokenService) {}

  async issue(tx: TenantTx, userId: string, role: string, familyId: string = newId()): Promise<IssuedSession> {
    const secret = newSecret();
    const now = new Date();
    const row = { id: newId(), userId, familyId, secretHash: hashSecret(secret), expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS), usedAt: null, revokedAt: null, createdAt: now };
    await tx.repository(RefreshToken).insert(row);
    return {
      accessToken: this.tokens.sign({ sub: userId, tid: tx.tenantId, role, sid: familyId }),
      refreshToken: formatTenantToken('rt', { tenantId: tx.tenantId, rowId: row.id, secret }),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}
