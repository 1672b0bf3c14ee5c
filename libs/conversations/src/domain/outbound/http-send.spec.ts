import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../../../../../test/support/processes';
import { PlatformStub } from '../../../../../test/support/platform-stub';
import { postJson, toSendResult } from './http-send';

describe('postJson', () => {
  let stub: PlatformStub;
  const path = '/bot123456:SECRET-token/sendMessage';

  beforeAll(async () => (stub = await PlatformStub.start()));
  afterEach(() => stub.reset());
  afterAll(() => stub.close());

  it('posts JSON with the given headers and returns the parsed 2xx body', async () => {
    stub.respond('/api', { status: 201, body: { id: 'x1' } });

    const posted = await postJson(`${stub.url}/api`, { text: 'hi' }, { authorization: 'Bearer t' }, 2000);

    expect(posted).toEqual({ ok: true, body: { id: 'x1' } });
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api', body: { text: 'hi' } });
    expect(request.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t' });
  });

  it('makes a 500 retryable, with the status and the body text', async () => {
    stub.respond('/api', { status: 500, body: 'upstream exploded' });

    expect(await postJson(`${stub.url}/api`, {}, {}, 2000)).toEqual({ ok: false, retryable: true, status: 500, error: '500 upstream exploded' });
  });

  it('reads Retry-After in seconds on a 503', async () => {
    stub.respond('/api', { status: 503, body: { error: { message: 'Service temporarily unavailable' } }, headers: { 'retry-after': '7' } });

    expect(await postJson(`${stub.url}/api`, {}, {}, 2000)).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 7000,
      status: 503,
      error: '503 Service temporarily unavailable',
    });
  });

  it('reads Retry-After as an HTTP date', async () => {
    stub.respond('/api', { status: 429, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } });

    const posted = await postJson(`${stub.url}/api`, {}, {}, 2000);

    expect(posted).toMatchObject({ ok: false, retryable: true, status: 429, error: '429 Too Many Requests' });
    expect(posted.ok || posted.retryAfterMs).toBeGreaterThan(28_000);
    expect(posted.ok || posted.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it("reads Telegram's parameters.retry_after on a 429", async () => {
    stub.respond(path, { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 12', parameters: { retry_after: 12 } } });

    expect(await postJson(`${stub.url}${path}`, {}, {}, 2000)).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 12_000,
      status: 429,
      error: '429 Too Many Requests: retry after 12',
    });
  });

  it("makes other 4xx final, with the platform's own error text", async () => {
    stub.respond(
      '/api',
      { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } },
      { status: 403, body: { error: { message: '(#200) Requires pages_messaging permission', type: 'OAuthException', code: 200, error_subcode: 2018 } } },
      { status: 400, body: { message: 'The request body has 1 error(s)', details: [{ message: 'May not be empty', property: 'messages[0].text' }] } },
    );

    const errors = [];
    for (let i = 0; i < 3; i++) errors.push(await postJson(`${stub.url}/api`, {}, {}, 2000));

    expect(errors).toEqual([
      { ok: false, retryable: false, status: 400, error: '400 Bad Request: chat not found' },
      { ok: false, retryable: false, status: 403, error: '403 (#200) Requires pages_messaging permission' },
      { ok: false, retryable: false, status: 400, error: '400 The request body has 1 error(s) (messages[0].text: May not be empty)' },
    ]);
  });

  it('ignores Retry-After on a final 4xx', async () => {
    stub.respond('/api', { status: 400, body: { description: 'Bad Request' }, headers: { 'retry-after': '5' } });

    expect(await postJson(`${stub.url}/api`, {}, {}, 2000)).not.toHaveProperty('retryAfterMs');
  });

  it('makes a timeout retryable, without the URL in the error', async () => {
    stub.respond(path, { status: 200, body: {}, delayMs: 1000 });

    expect(await postJson(`${stub.url}${path}`, {}, {}, 100)).toEqual({ ok: false, retryable: true, error: 'timeout after 100 ms' });
  });

  it('times out a body that never ends within the same deadline', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"ok":');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = Date.now();

    const posted = await postJson(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, {}, {}, 150);

    expect(posted).toEqual({ ok: false, retryable: true, error: 'timeout after 150 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('makes a refused connection retryable, naming the address but not the path', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;

    const posted = await postJson(`${url}${path}`, {}, {}, 2000);

    expect(posted).toMatchObject({ ok: false, retryable: true });
    expect(posted.ok || posted.error).toBe(`ECONNREFUSED ${url.slice('http://'.length)}`);
  });

  it('never quotes the URL or a header value in the error of a failed request', async () => {
    const badUrl = await postJson(`http://[bad host${path}`, {}, {}, 2000);
    const badHeader = await postJson(`${stub.url}/api`, {}, { authorization: 'Bearer SECRET\ntoken' }, 2000);

    expect(badUrl).toEqual({ ok: false, retryable: true, error: 'Invalid URL' });
    expect(badHeader).toEqual({ ok: false, retryable: true, error: 'invalid authorization header' });
    expect(JSON.stringify([badUrl, badHeader])).not.toMatch(/SECRET|bot123456/);
  });
});

describe('toSendResult', () => {
  it('reads the message id from a 2xx body, null when absent', () => {
    expect(toSendResult({ ok: true, body: { id: 42 } }, (body) => (body as { id: number }).id)).toEqual({ ok: true, platformMessageId: '42' });
    expect(toSendResult({ ok: true, body: '' }, () => undefined)).toEqual({ ok: true, platformMessageId: null });
  });

  it('passes a failure through', () => {
    const failure = { ok: false as const, retryable: false, error: '400 no', status: 400 };

    expect(toSendResult(failure, () => 'never')).toBe(failure);
  });
});
