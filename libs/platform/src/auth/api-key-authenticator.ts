import { Principal } from './authenticated-request';

export const API_KEY_PREFIX = 'slr_';

/** Resolves an API key to its principal, or null when it is unknown, revoked or expired. libs/identity implements it. */
export abstract class ApiKeyAuthenticator {
  abstract authenticate(key: string): Promise<Principal | null>;
}
