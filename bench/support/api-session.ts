import { randomBytes } from 'node:crypto';

interface SessionBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
  tenant: { id: string; slug: string };
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** Access tokens live 15 minutes; renew well before, since one scenario can outlast one token. */
const RENEW_AFTER_MS = 10 * 60_000;

/** A tenant owner's session against a running api, registered through POST /api/v1/auth/register. */
export class ApiSession {
  private issuedAt = Date.now();

  private constructor(
    private readonly base: string,
    private session: SessionBody,
  ) {}

  get tenantId(): string {
    return this.session.tenant.id;
  }

  get userId(): string {
    return this.session.user.id;
  }

  static async register(base: string, label: string): Promise<ApiSession> {
    const suffix = randomBytes(4).toString('hex');
    const answer = await send<SessionBody>(base, 'POST', '/api/v1/auth/register', undefined, {
      tenantName: `Bench ${label} ${suffix}`,
      tenantSlug: `bench-${label}-${suffix}`,
      email: `owner-${suffix}@bench.example.com`,
      password: `Bench-${randomBytes(12).toString('hex')}`,
      name: 'Bench Owner',
    });
    if (answer.status !== 201) throw new Error(`POST /api/v1/auth/register answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return new ApiSession(base, answer.body);
  }

  /** A valid access token, renewed through POST /api/v1/auth/refresh when it is getting old. */
  async token(): Promise<string> {
    if (Date.now() - this.issuedAt > RENEW_AFTER_MS) {
      const answer = await send<SessionBody>(this.base, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: this.session.refreshToken });
      if (answer.status !== 200) throw new Error(`POST /api/v1/auth/refresh answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      this.session = answer.body;
      this.issuedAt = Date.now();
    }
    return this.session.accessToken;
  }

  async headers(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.token()}` };
  }

  async get<T>(path: string): Promise<ApiAnswer<T>> {
    return send<T>(this.base, 'GET', path, await this.token());
  }

  async post<T>(path: string, body: unknown): Promise<ApiAnswer<T>> {
    return send<T>(this.base, 'POST', path, await this.token(), body);
  }

  /** A multipart/form-data POST with one file field, after the plain `fields` (in their order: some routes read them before the file). */
  async upload<T>(path: string, field: string, fileName: string, content: Buffer, type: string, fields: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(field, new Blob([content], { type }), fileName);
    const response = await fetch(`${this.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${await this.token()}` }, body: form });
    return { status: response.status, body: (await readBody(response)) as T };
  }
}

async function send<T>(base: string, method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await readBody(response)) as T };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text.length === 0 ? null : JSON.parse(text);
  } catch {
    return text;
  }
}
