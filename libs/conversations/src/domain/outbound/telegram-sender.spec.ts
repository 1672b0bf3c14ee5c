import { freePort } from '../../../../../test/support/processes';
import { PlatformStub } from '../../../../../test/support/platform-stub';
import type { OutboundTarget } from './platform-sender';
import { TelegramSender } from './telegram-sender';

describe('TelegramSender', () => {
  const botToken = '123456:AAE-secret-bot-token';
  const target: OutboundTarget = { channelType: 'telegram', credentials: { botToken }, settings: {}, threadId: '987654321' };
  let stub: PlatformStub;
  let sender: TelegramSender;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    sender = new TelegramSender(stub.url, 2000);
  });
  afterEach(() => stub.reset());
  afterAll(() => stub.close());

  it('calls sendMessage with the chat id and text, and answers "<chat id>:<message id>"', async () => {
    stub.respond('/bot', { status: 200, body: { ok: true, result: { message_id: 77, chat: { id: 987654321 }, date: 1, text: 'Hello' } } });

    const result = await sender.send(target, { text: 'Hello' });

    expect(result).toEqual({ ok: true, platformMessageId: '987654321:77' });
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/bot${botToken}/sendMessage`, body: { chat_id: '987654321', text: 'Hello' } });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBeUndefined();
  });

  it("fails for good with Telegram's description on a 400", async () => {
    stub.respond('/bot', { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });

    expect(await sender.send(target, { text: 'Hello' })).toEqual({ ok: false, retryable: false, status: 400, error: '400 Bad Request: chat not found' });
  });

  it('retries a 429 after parameters.retry_after', async () => {
    stub.respond('/bot', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } });

    expect(await sender.send(target, { text: 'Hello' })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000 });
  });

  it('keeps the bot token (which is in the URL) out of every error', async () => {
    stub.respond('/bot', { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }, { status: 200, delayMs: 1000 });
    const refusing = new TelegramSender(`http://127.0.0.1:${await freePort()}`, 2000);

    const results = [await sender.send(target, { text: 'a' }), await new TelegramSender(stub.url, 100).send(target, { text: 'b' }), await refusing.send(target, { text: 'c' })];

    expect(results.map((result) => !result.ok && result.retryable)).toEqual([false, true, true]);
    for (const result of results) expect(JSON.stringify(result)).not.toContain('secret-bot-token');
  });
});
