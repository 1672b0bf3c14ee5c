import { PlatformStub } from '../../../../../test/support/platform-stub';
import { LineSender } from './line-sender';
import type { OutboundTarget } from './platform-sender';

describe('LineSender', () => {
  const target: OutboundTarget = { channelType: 'line', credentials: { channelAccessToken: 'line-channel-token' }, settings: {}, threadId: 'U4af4980629c0ab1d2d5c1b2a7e3f4c5d' };
  const messages = [{ type: 'text', text: 'Thanks!' }];
  let stub: PlatformStub;
  let sender: LineSender;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    sender = new LineSender(stub.url, 2000);
  });
  afterEach(() => stub.reset());
  afterAll(() => stub.close());

  it('replies with a fresh reply token, and answers the sent message id', async () => {
    stub.respond('/v2/bot/message/reply', { status: 200, body: { sentMessages: [{ id: '461230966842064897', quoteToken: 'IStG5h1Tz7b' }] } });

    const result = await sender.send({ ...target, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA' }, { text: 'Thanks!' });

    expect(result).toEqual({ ok: true, platformMessageId: '461230966842064897' });
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v2/bot/message/reply', body: { replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', messages } });
    expect(request.headers).toMatchObject({ authorization: 'Bearer line-channel-token', 'content-type': 'application/json' });
  });

  it('pushes to the thread without a reply token', async () => {
    const result = await sender.send(target, { text: 'Thanks!' });

    expect(result).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^\d+$/) });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({ path: '/v2/bot/message/push', body: { to: target.threadId, messages } });
    expect(stub.requests[0].headers.authorization).toBe('Bearer line-channel-token');
  });

  it('falls back to one push when the reply token is no longer valid', async () => {
    stub.respond('/v2/bot/message/reply', { status: 400, body: { message: 'Invalid reply token' } });
    stub.respond('/v2/bot/message/push', { status: 500, body: { message: 'An error occurred in the backend' } });

    const result = await sender.send({ ...target, replyToken: 'expired' }, { text: 'Thanks!' });

    expect(result).toEqual({ ok: false, retryable: true, status: 500, error: '500 An error occurred in the backend' });
    expect(stub.requests.map((request) => request.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
    expect(stub.requests[1].body).toEqual({ to: target.threadId, messages });
  });

  it('does not push when a reply fails otherwise', async () => {
    stub.respond('/v2/bot/message/reply', {
      status: 400,
      body: { message: 'The request body has 1 error(s)', details: [{ message: 'Length must be between 0 and 5000', property: 'messages[0].text' }] },
    });

    const result = await sender.send({ ...target, replyToken: 'fresh' }, { text: 'Thanks!' });

    expect(result).toEqual({ ok: false, retryable: false, status: 400, error: '400 The request body has 1 error(s) (messages[0].text: Length must be between 0 and 5000)' });
    expect(stub.requests).toHaveLength(1);
  });

  it('answers a null message id when LINE lists no sent message', async () => {
    stub.respond('/v2/bot/message/push', { status: 200, body: {} });

    expect(await sender.send(target, { text: 'Thanks!' })).toEqual({ ok: true, platformMessageId: null });
  });
});
