import { Injectable } from '@nestjs/common';
import { ApiKeyAuthenticator, newId, Principal, UnitOfWork } from '@saler/platform';
import { parseApiKey } from './domain/api-key-format';
import { ApiKey } from './domain/api-key.entity';
import { secretMatches } from './domain/tenant-token';

const LAST_USED_RESOLUTION_MS = 60_000;

/** Checks an API key inside its tenant's unit of work; records last use at most once a minute. */
@Injectable()
export class IdentityApiKeyAuthenticator extends ApiKeyAuthenticator {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async authenticate(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (parsed === null) return null;
    const actor = { type: 'api_key' as const, id: parsed.keyId };
    return this.unitOfWork.run({ tenantId: parsed.tenantId, actor, requestId: newId() }, async (tx) => {
      const keys = tx.repository(ApiKey);
      const found = await keys.findOne({ id: parsed.keyId });
      const now = new Date();
      if (!found || !secretMatches(parsed.secret, found.secretHash) || found.revokedAt !== null || (found.expiresAt !== null && found.expiresAt <= now)) return null;
      if (found.lastUsedAt === null || found.lastUsedAt.getTime() < now.getTime() - LAST_USED_RESOLUTION_MS) await keys.update({ id: found.id }, { lastUsedAt: now });
      return { tenantId: parsed.tenantId, role: found.role, actor, userId: null, sessionId: null };
    });
  }
}
