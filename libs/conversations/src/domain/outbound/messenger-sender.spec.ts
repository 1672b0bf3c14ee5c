import { PlatformStub } from '../../../../../test/support/platform-stub';
import { MESSENGER_WINDOW_MS, MessengerSender } from './messenger-sender';
import type { OutboundTarget } from './platform-sender';

describe('MessengerSender', () => {
  const target: OutboundTarget = { channelType: 'messenger', credentials: { pageAccessToken: 'EAAG-page-token' }, settings: {}, threadId: '6543210987654321' };
  let stub: PlatformStub;
  let sender: MessengerSender;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    sender = new MessengerSender(`${stub.url}/v21.0`, 2000);
  });
  afterEach(() => stub.reset());
  afterAll(() => stub.close());

  it('posts a RESPONSE to me/messages with the page token as a bearer, and answers the message id', async () => {
    stub.respond('/v21.0/me/messages', { status: 200, body: { recipient_id: '6543210987654321', message_id: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM' } });

    const result = await sender.send(target, { text: 'Hi there' });

    expect(result).toEqual({ ok: true, platformMessageId: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM' });
    const [request] = stub.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v21.0/me/messages',
      body: { recipient: { id: '6543210987654321' }, messaging_type: 'RESPONSE', message: { text: 'Hi there' } },
    });
    expect(request.headers).toMatchObject({ authorization: 'Bearer EAAG-page-token', 'content-type': 'application/json' });
  });

  it("fails for good with Graph's error.message on a 403", async () => {
    stub.respond('/v21.0/me/messages', {
      status: 403,
      body: { error: { message: '(#10) This message is sent outside of allowed window.', type: 'OAuthException', code: 10, error_subcode: 2018278 } },
    });

    expect(await sender.send(target, { text: 'Hi' })).toEqual({ ok: false, retryable: false, status: 403, error: '403 (#10) This message is sent outside of allowed window.' });
  });

  it('retries a 500', async () => {
    stub.respond('/v21.0/me/messages', { status: 500, body: { error: { message: 'An unexpected error has occurred.', type: 'OAuthException', code: 2 } } });

    expect(await sender.send(target, { text: 'Hi' })).toEqual({ ok: false, retryable: true, status: 500, error: '500 An unexpected error has occurred.' });
  });

  it("tags an agent's reply after the 24-hour window HUMAN_AGENT, and leaves the bot's and in-window replies RESPONSEs", async () => {
    const late = new Date(Date.now() - MESSENGER_WINDOW_MS - 60_000);
    const recent = new Date(Date.now() - 60_000);
    stub.respond('/v21.0/me/messages', ...Array.from({ length: 4 }, () => ({ status: 200, body: { message_id: 'm_1' } })));
    await sender.send({ ...target, lastInboundAt: late }, { text: 'Sorry for the wait', fromAgent: true });
    await sender.send({ ...target, lastInboundAt: recent }, { text: 'Hi', fromAgent: true });
    await sender.send({ ...target, lastInboundAt: late }, { text: 'Bot', fromAgent: false });
    await sender.send({ ...target, lastInboundAt: null }, { text: 'Unknown', fromAgent: true });
    expect(stub.requests.map((request) => request.body)).toEqual([
      { recipient: { id: target.threadId }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'Sorry for the wait' } },
      { recipient: { id: target.threadId }, messaging_type: 'RESPONSE', message: { text: 'Hi' } },
      { recipient: { id: target.threadId }, messaging_type: 'RESPONSE', message: { text: 'Bot' } },
      { recipient: { id: target.threadId }, messaging_type: 'RESPONSE', message: { text: 'Unknown' } },
    ]);
  });
});
