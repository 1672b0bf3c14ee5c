import { randomBytes } from 'node:crypto';
import type { PlatformStub } from './platform-stub';

/** The environment of an api or worker that talks to the chat platforms: a fresh encryption key, and every platform's send API on the stub. */
export function chatPlatformEnv(stub: PlatformStub): Record<string, string> {
  return {
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: 'https://api.saler.example',
    TELEGRAM_API_URL: stub.url,
    GRAPH_API_URL: `${stub.url}/v21.0`,
    LINE_API_URL: stub.url,
  };
}
