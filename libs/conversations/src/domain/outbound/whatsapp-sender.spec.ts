import { PlatformStub } from '../../../../../test/support/platform-stub';
import type { OutboundTarget } from './platform-sender';
import { WhatsAppSender } from './whatsapp-sender';

describe('WhatsAppSender', () => {
  const target: OutboundTarget = {
    channelType: 'whatsapp',
    credentials: { accessToken: 'EAAJ-system-user-token', phoneNumberId: '106540352242922' },
    settings: {},
    threadId: '16505551234',
  };
  let stub: PlatformStub;
  let sender: WhatsAppSender;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    sender = new WhatsAppSender(`${stub.url}/v21.0`, 2000);
  });
  afterEach(() => stub.reset());
  afterAll(() => stub.close());

  it('posts a text message to <phone number id>/messages with the token as a bearer, and answers the wamid', async () => {
    const result = await sender.send(target, { text: 'Your order shipped' });

    const [request] = stub.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v21.0/106540352242922/messages',
      body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234', type: 'text', text: { body: 'Your order shipped', preview_url: false } },
    });
    expect(request.headers).toMatchObject({ authorization: 'Bearer EAAJ-system-user-token', 'content-type': 'application/json' });
    expect(result).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^wamid\./) });
  });

  it("fails for good with Graph's error.message on a 400", async () => {
    stub.respond('/v21.0/106540352242922/messages', {
      status: 400,
      body: { error: { message: '(#131030) Recipient phone number not in allowed list', type: 'OAuthException', code: 131030, fbtrace_id: 'A1' } },
    });

    expect(await sender.send(target, { text: 'Hi' })).toEqual({ ok: false, retryable: false, status: 400, error: '400 (#131030) Recipient phone number not in allowed list' });
  });

  it('retries a 503 after its Retry-After', async () => {
    stub.respond('/v21.0/106540352242922/messages', { status: 503, body: 'Service Unavailable', headers: { 'retry-after': '7' } });

    expect(await sender.send(target, { text: 'Hi' })).toEqual({ ok: false, retryable: true, retryAfterMs: 7000, status: 503, error: '503 Service Unavailable' });
  });

  it('retries a timeout, and never shows the token', async () => {
    stub.respond('/v21.0/106540352242922/messages', { status: 200, delayMs: 1000 });

    const result = await new WhatsAppSender(`${stub.url}/v21.0`, 100).send(target, { text: 'Hi' });

    expect(result).toEqual({ ok: false, retryable: true, error: 'timeout after 100 ms' });
  });
});
