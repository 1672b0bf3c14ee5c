import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedWebhookError } from './inbound-item';
import { parseMessengerWebhook } from './messenger-webhook';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/webhooks');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const PAGE = '106540352242922';
const page = (...messaging: unknown[]) => ({ object: 'page', entry: [{ id: PAGE, time: 1700000000000, messaging }] });
const from = (psid: string, fields: Record<string, unknown>) => ({ sender: { id: psid }, recipient: { id: PAGE }, timestamp: 1700000000000, ...fields });
const sentAt = new Date(1700000000000);

describe('parseMessengerWebhook', () => {
  it('reads the text fixture', () => {
    expect(parseMessengerWebhook(fixture('messenger-text.json'))).toEqual([
      {
        kind: 'message',
        eventKey: 'fb:mid.1457764197618:41d102a3e1ae206a38',
        threadId: '<PSID>',
        sender: { platformUserId: '<PSID>' },
        platformMessageId: 'mid.1457764197618:41d102a3e1ae206a38',
        contentType: 'text',
        text: 'hello, world!',
        attachments: [],
        sentAt: new Date('2016-03-23T00:25:52.478Z'),
      },
    ]);
  });

  it('reads every event of a batch, in order, and skips our echoes', () => {
    const body = {
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: 1700000000100,
          messaging: [
            { sender: { id: 'psid-1' }, recipient: { id: PAGE }, timestamp: 1700000000001, message: { mid: 'm_text', text: 'Do you ship to Lyon?' } },
            { sender: { id: PAGE }, recipient: { id: 'psid-1' }, timestamp: 1700000000002, message: { mid: 'm_echo', is_echo: true, app_id: 1517776481860111, text: 'Yes, we do.' } },
            {
              sender: { id: 'psid-2' },
              recipient: { id: PAGE },
              timestamp: 1700000000003,
              message: { mid: 'm_image', attachments: [{ type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg' } }] },
            },
          ],
        },
        {
          id: PAGE,
          time: 1700000000200,
          messaging: [
            { sender: { id: 'psid-2' }, recipient: { id: PAGE }, timestamp: 1700000000004, postback: { mid: 'm_postback', title: 'Talk to sales', payload: 'SALES' } },
            { sender: { id: 'psid-1' }, recipient: { id: PAGE }, timestamp: 1700000000005, delivery: { mids: ['m_reply_1', 'm_reply_2'], watermark: 1700000000000 } },
            { sender: { id: 'psid-1' }, recipient: { id: PAGE }, timestamp: 1700000000006, read: { watermark: 1700000000004 } },
          ],
        },
      ],
    };
    expect(parseMessengerWebhook(body)).toEqual([
      {
        kind: 'message',
        eventKey: 'fb:m_text',
        threadId: 'psid-1',
        sender: { platformUserId: 'psid-1' },
        platformMessageId: 'm_text',
        contentType: 'text',
        text: 'Do you ship to Lyon?',
        attachments: [],
        sentAt: new Date(1700000000001),
      },
      { kind: 'ignored', reason: 'echo' },
      {
        kind: 'message',
        eventKey: 'fb:m_image',
        threadId: 'psid-2',
        sender: { platformUserId: 'psid-2' },
        platformMessageId: 'm_image',
        contentType: 'image',
        text: null,
        attachments: [{ type: 'image', url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg' }],
        sentAt: new Date(1700000000003),
      },
      {
        kind: 'message',
        eventKey: 'fb:m_postback',
        threadId: 'psid-2',
        sender: { platformUserId: 'psid-2' },
        platformMessageId: 'm_postback',
        contentType: 'postback',
        text: 'Talk to sales',
        attachments: [{ type: 'postback', payload: 'SALES' }],
        sentAt: new Date(1700000000004),
      },
      {
        kind: 'status',
        eventKey: 'fb:delivery:psid-1:1700000000000',
        platformMessageId: 'm_reply_1',
        status: 'delivered',
        watermark: new Date(1700000000000),
        threadId: 'psid-1',
        at: new Date(1700000000005),
      },
      {
        kind: 'status',
        eventKey: 'fb:read:psid-1:1700000000004',
        platformMessageId: null,
        status: 'read',
        watermark: new Date(1700000000004),
        threadId: 'psid-1',
        at: new Date(1700000000006),
      },
    ]);
  });

  it('keys a postback without mid by sender and timestamp', () => {
    const body = page(from('psid-1', { postback: { title: 'Get Started', payload: 'GET_STARTED' } }));
    expect(parseMessengerWebhook(body)).toEqual([
      {
        kind: 'message',
        eventKey: 'fb:psid-1:1700000000000',
        threadId: 'psid-1',
        sender: { platformUserId: 'psid-1' },
        platformMessageId: 'psid-1:1700000000000',
        contentType: 'postback',
        text: 'Get Started',
        attachments: [{ type: 'postback', payload: 'GET_STARTED' }],
        sentAt,
      },
    ]);
  });

  it('reads a quick reply tap as a postback that keeps its text', () => {
    const body = page(from('psid-1', { message: { mid: 'm_qr', text: 'Red', quick_reply: { payload: 'COLOR_RED' } } }));
    expect(parseMessengerWebhook(body)).toEqual([expect.objectContaining({ contentType: 'postback', text: 'Red', attachments: [{ type: 'postback', payload: 'COLOR_RED' }] })]);
  });

  it('reads a sticker as a sticker, not as the image Messenger calls it', () => {
    const attachment = { type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/sticker.png', sticker_id: 369239263222822 } };
    const body = page(from('psid-1', { message: { mid: 'm_sticker', attachments: [attachment], sticker_id: 369239263222822 } }));
    expect(parseMessengerWebhook(body)).toEqual([
      expect.objectContaining({ contentType: 'sticker', text: null, attachments: [{ type: 'sticker', url: 'https://scontent.xx.fbcdn.net/sticker.png', stickerId: '369239263222822' }] }),
    ]);
  });

  it('reads a shared location', () => {
    const attachment = { title: "Ana's Location", url: 'https://l.facebook.com/l.php?u=maps', type: 'location', payload: { coordinates: { lat: 45.764, long: 4.8357 } } };
    expect(parseMessengerWebhook(page(from('psid-1', { message: { mid: 'm_loc', attachments: [attachment] } })))).toEqual([
      expect.objectContaining({
        contentType: 'location',
        attachments: [{ type: 'location', title: "Ana's Location", url: 'https://l.facebook.com/l.php?u=maps', latitude: 45.764, longitude: 4.8357 }],
      }),
    ]);
  });

  it('reads a shared link (fallback) with its text as a file attachment', () => {
    const attachment = { type: 'fallback', title: 'Summer collection', url: 'https://shop.example/summer', payload: null };
    expect(parseMessengerWebhook(page(from('psid-1', { message: { mid: 'm_fb', text: 'look https://shop.example/summer', attachments: [attachment] } })))).toEqual([
      expect.objectContaining({
        contentType: 'file',
        text: 'look https://shop.example/summer',
        attachments: [{ type: 'fallback', title: 'Summer collection', url: 'https://shop.example/summer' }],
      }),
    ]);
  });

  it('reads several attachments of one message, typed by the first', () => {
    const attachments = ['a.mp4', 'b.mp4'].map((name) => ({ type: 'video', payload: { url: `https://video.xx.fbcdn.net/${name}` } }));
    expect(parseMessengerWebhook(page(from('psid-1', { message: { mid: 'm_videos', attachments } })))).toEqual([
      expect.objectContaining({
        contentType: 'video',
        attachments: [
          { type: 'video', url: 'https://video.xx.fbcdn.net/a.mp4' },
          { type: 'video', url: 'https://video.xx.fbcdn.net/b.mp4' },
        ],
      }),
    ]);
  });

  it.each([
    ['a reaction', from('psid-1', { reaction: { mid: 'm_1', action: 'react', emoji: '❤', reaction: 'love' } }), 'messenger reaction'],
    ['an optin', from('psid-1', { optin: { type: 'notification_messages', payload: 'x', notification_messages_token: 't' } }), 'messenger optin'],
    ['a referral', from('psid-1', { referral: { ref: 'ad', source: 'ADS', type: 'OPEN_THREAD' } }), 'messenger referral'],
    ['an event without sender', { recipient: { id: PAGE }, timestamp: 1, optin: { ref: 'plugin', user_ref: 'u' } }, 'messenger event without sender'],
    ['a delivery without watermark', from('psid-1', { delivery: { mids: ['m_1'] } }), 'messenger delivery without watermark'],
  ])('ignores %s', (_case, event, reason) => {
    expect(parseMessengerWebhook(page(event))).toEqual([{ kind: 'ignored', reason }]);
  });

  it('ignores an entry without messaging (handover standby)', () => {
    const body = { object: 'page', entry: [{ id: PAGE, time: 1, standby: [from('psid-1', { message: { mid: 'm_s', text: 'hi' } })] }] };
    expect(parseMessengerWebhook(body)).toEqual([{ kind: 'ignored', reason: 'messenger entry without messaging' }]);
  });

  it('reads an empty entry list as nothing', () => {
    expect(parseMessengerWebhook({ object: 'page', entry: [] })).toEqual([]);
  });

  it.each([
    ['null', null],
    ['an array', [page()]],
    ['another object', { object: 'instagram', entry: [] }],
    ['a WhatsApp body', { object: 'whatsapp_business_account', entry: [] }],
    ['no entry', { object: 'page' }],
    ['an entry that is not an array', { object: 'page', entry: { id: PAGE } }],
  ])('throws MalformedWebhookError for %s', (_case, body) => {
    expect(() => parseMessengerWebhook(body)).toThrow(MalformedWebhookError);
  });
});
