import { randomBytes } from 'node:crypto';
import type { PlatformStub } from './platform-stub';

/** The environment of an api or worker that talks to the chat platforms: a fresh encryption key, every platform's send API on the stub, and LLMs allowed on it (127.0.0.1). */
export function chatPlatformEnv(stub: PlatformStub): Record<string, string> {
  return {
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: 'https://api.saler.example',
    TELEGRAM_API_URL: stub.url,
    GRAPH_API_URL: `${stub.url}/v21.0`,
    LINE_API_URL: stub.url,
    LLM_ALLOW_PRIVATE_NETWORK: 'true',
  };
}
