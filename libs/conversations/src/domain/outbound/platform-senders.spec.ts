import type { AppConfig } from '@saler/platform';
import { PlatformStub } from '../../../../../test/support/platform-stub';
import type { OutboundTarget } from './platform-sender';
import { PlatformSenders } from './platform-senders';

describe('PlatformSenders', () => {
  let stub: PlatformStub;
  let senders: PlatformSenders;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    const platforms = { telegramApiUrl: `${stub.url}/`, graphApiUrl: `${stub.url}/v21.0`, lineApiUrl: stub.url, timeoutMs: 2000 };
    senders = new PlatformSenders({ platforms } as AppConfig);
  });
  afterAll(() => stub.close());

  it.each<[OutboundTarget['channelType'], Record<string, string>, string]>([
    ['telegram', { botToken: '1:t' }, '/bot1:t/sendMessage'],
    ['messenger', { pageAccessToken: 'p' }, '/v21.0/me/messages'],
    ['whatsapp', { accessToken: 'a', phoneNumberId: '55' }, '/v21.0/55/messages'],
    ['line', { channelAccessToken: 'l' }, '/v2/bot/message/push'],
  ])('sends %s messages to its configured API', async (channelType, credentials, path) => {
    stub.reset();

    const result = await senders.for(channelType).send({ channelType, credentials, settings: {}, threadId: '42' }, { text: 'Hi' });

    expect(result.ok).toBe(true);
    expect(stub.requests.map((request) => request.path)).toEqual([path]);
  });
});
