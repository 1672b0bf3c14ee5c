import { randomBytes, randomInt } from 'node:crypto';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  /** Path and query string, as received (Telegram's includes the bot token). */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  at: Date;
}

export interface StubResponse {
  status: number;
  /** Sent as JSON, or as is when a string. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeouts). */
  delayMs?: number;
}

/** A path prefix, a pattern over the path, or a predicate. */
export type RequestMatcher = string | RegExp | ((request: StubRequest) => boolean);

/** What `POST /v1/chat/completions` answers. */
export type ChatAnswer = string | ((request: StubRequest) => string);

const DEFAULT_CHAT_ANSWER = 'stub answer';

interface RequestFields {
  chat_id?: unknown;
  text?: unknown;
  recipient?: { id?: unknown };
  to?: unknown;
  messages?: unknown[];
  model?: unknown;
}

/**
 * A programmable stand-in for the chat platforms' send APIs (Telegram Bot API, Graph API for
 * Messenger and WhatsApp, LINE Messaging API) and an OpenAI-compatible chat completions endpoint.
 * It listens on 127.0.0.1, so api and worker processes started by a test can be pointed at it
 * (TELEGRAM_API_URL, GRAPH_API_URL, LINE_API_URL = `stub.url`). Every request is recorded; scripted
 * responses are served first, then each platform's default success.
 */
export class PlatformStub {
  readonly requests: StubRequest[] = [];
  chatAnswer: ChatAnswer = DEFAULT_CHAT_ANSWER;
  private scripts: { matcher: RequestMatcher; responses: StubResponse[] }[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly delays = new Set<NodeJS.Timeout>();
  private nextTelegramMessageId = 1;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
      this.handle(incoming, outgoing).catch(() => outgoing.destroy());
    });
  }

  static async start(port = 0): Promise<PlatformStub> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return new PlatformStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  requestsTo(matcher: RequestMatcher): StubRequest[] {
    return this.requests.filter((request) => matches(matcher, request));
  }

  /** Queues responses for the requests that match, in order; once used up, the default success answers again. */
  respond(matcher: RequestMatcher, ...responses: StubResponse[]): void {
    this.scripts.push({ matcher, responses });
  }

  /** Resolves with the matching requests once at least `count` have arrived. */
  waitFor(matcher: RequestMatcher, { count = 1, timeoutMs = 5000 }: { count?: number; timeoutMs?: number } = {}): Promise<StubRequest[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.requests.map((request) => `${request.method} ${request.path}`).join(', ') || 'none';
        reject(new Error(`PlatformStub: ${count} request(s) matching ${String(matcher)} not seen within ${timeoutMs} ms; seen: ${seen}`));
      }, timeoutMs);
      const check = () => {
        const found = this.requestsTo(matcher);
        if (found.length < count) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Forgets the recorded requests, the queued responses and a changed chat answer. */
  reset(): void {
    this.requests.length = 0;
    this.scripts = [];
    this.chatAnswer = DEFAULT_CHAT_ANSWER;
  }

  async close(): Promise<void> {
    for (const delay of this.delays) clearTimeout(delay);
    this.delays.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: StubRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body: parseBody(Buffer.concat(chunks).toString('utf8')), at: new Date() };
    this.requests.push(request);
    for (const check of this.waiters) check();
    const response = this.scripted(request) ?? this.defaultResponse(request);
    if (!response.delayMs) return send(outgoing, response);
    const delay = setTimeout(() => {
      this.delays.delete(delay);
      send(outgoing, response);
    }, response.delayMs);
    this.delays.add(delay);
  }

  private scripted(request: StubRequest): StubResponse | undefined {
    return this.scripts.find((script) => script.responses.length > 0 && matches(script.matcher, request))?.responses.shift();
  }

  private defaultResponse(request: StubRequest): StubResponse {
    const path = request.path.split('?')[0];
    const body: RequestFields = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const now = Math.floor(Date.now() / 1000);
    if (request.method !== 'POST') return notFound(request);
    if (/^\/bot[^/]+\/sendMessage$/.test(path)) {
      return ok({ ok: true, result: { message_id: this.nextTelegramMessageId++, chat: { id: body.chat_id }, date: now, text: body.text } });
    }
    // Graph paths may carry the API version (GRAPH_API_URL=<stub>/v21.0) or not.
    if (/^(\/v[\d.]+)?\/me\/messages$/.test(path)) {
      return ok({ recipient_id: body.recipient?.id, message_id: `m_${randomBytes(12).toString('hex')}` });
    }
    if (/^(\/v[\d.]+)?\/[^/]+\/messages$/.test(path)) {
      return ok({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.${randomBytes(16).toString('hex')}` }] });
    }
    if (/^\/v2\/bot\/message\/(reply|push)$/.test(path)) {
      return ok({ sentMessages: (body.messages ?? []).map(() => ({ id: String(randomInt(1e14, 2 ** 48 - 1)), quoteToken: randomBytes(12).toString('base64url') })) });
    }
    if (path === '/v1/chat/completions') {
      const content = typeof this.chatAnswer === 'function' ? this.chatAnswer(request) : this.chatAnswer;
      return ok({
        id: `chatcmpl-${randomBytes(8).toString('hex')}`,
        object: 'chat.completion',
        created: now,
        model: body.model ?? 'stub',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      });
    }
    return notFound(request);
  }
}

function matches(matcher: RequestMatcher, request: StubRequest): boolean {
  if (typeof matcher === 'string') return request.path.startsWith(matcher);
  if (matcher instanceof RegExp) return matcher.test(request.path);
  return matcher(request);
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function ok(body: unknown): StubResponse {
  return { status: 200, body };
}

function notFound(request: StubRequest): StubResponse {
  return { status: 404, body: { error: 'not found', method: request.method, path: request.path.split('?')[0] } };
}

function send(outgoing: ServerResponse, { status, body, headers }: StubResponse): void {
  const json = body !== undefined && typeof body !== 'string';
  outgoing.writeHead(status, { 'content-type': json ? 'application/json' : 'text/plain', ...headers });
  outgoing.end(json ? JSON.stringify(body) : (body ?? ''));
}
