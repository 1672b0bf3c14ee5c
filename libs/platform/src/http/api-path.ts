/** Every API route lives under `/api/v<version>/`; the ops routes (`/health/*`, `/metrics`) do not. */
export const API_PREFIX = 'api';
export const API_DEFAULT_VERSION = '1';

/**
 * The public path of a route of the API's default version, as Nest gives its controllers' routes:
 * `webhooks/:type` → `/api/v1/webhooks/:type`. For a route registered on Fastify directly.
 */
export function apiPath(path: string): string {
  return `/${API_PREFIX}/v${API_DEFAULT_VERSION}/${path}`;
}
