import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedWebhookError } from './inbound-item';
import { parseLineWebhook } from './line-webhook';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/webhooks');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const USER_1 = 'U4af4980629a1b2c3d4e5f60718293a4b';
const USER_2 = 'U91eeaf62d901234567890abcdef01234';
const at = new Date(1705891467176);
const event = (userId: string, webhookEventId: string, fields: Record<string, unknown>) => ({
  type: 'message',
  mode: 'active',
  timestamp: 1705891467176,
  source: { type: 'user', userId },
  webhookEventId,
  deliveryContext: { isRedelivery: false },
  ...fields,
});
const lineBody = (...events: unknown[]) => ({ destination: 'U8e742f61d673b39c7fff3cecb7536ef0', events });
/** The message item of `event(USER_1, …)` with a reply token. */
const fromUser1 = (webhookEventId: string, platformMessageId: string) => ({
  kind: 'message',
  eventKey: `line:${webhookEventId}`,
  threadId: USER_1,
  sender: { platformUserId: USER_1 },
  platformMessageId,
  sentAt: at,
  replyToken: `token-${webhookEventId}`,
});

describe('parseLineWebhook', () => {
  it('reads the group text fixture, threaded by the group', () => {
    expect(parseLineWebhook(fixture('line-text.json'))).toEqual([
      {
        kind: 'message',
        eventKey: 'line:01FZ74A0TDDPYRVKNK77XKC3ZR',
        threadId: 'Ca56f94637c...',
        sender: { platformUserId: 'U4af4980629...' },
        platformMessageId: '444573844083572737',
        contentType: 'text',
        text: '@All @example Good Morning!! (love)',
        attachments: [],
        sentAt: new Date('2016-05-07T13:57:59.859Z'),
        replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
      },
    ]);
  });

  it('reads the empty verify request as no items', () => {
    expect(parseLineWebhook(fixture('line-verify-empty.json'))).toEqual([]);
  });

  it('reads every event of a batch from several users, in order', () => {
    const body = lineBody(
      event(USER_1, 'E1', { replyToken: 'token-E1', message: { id: '1001', type: 'text', quoteToken: 'q1', text: 'Is the blue one in stock?' } }),
      event(USER_2, 'E2', { replyToken: 'token-E2', message: { id: '1002', type: 'text', quoteToken: 'q2', text: 'こんにちは ' } }),
      event(USER_1, 'E3', { replyToken: 'token-E3', message: { id: '1003', type: 'image', quoteToken: 'q3', contentProvider: { type: 'line' }, imageSet: { id: 'set', index: 1, total: 2 } } }),
      event(USER_1, 'E4', {
        replyToken: 'token-E4',
        message: { id: '1004', type: 'sticker', quoteToken: 'q4', stickerId: '52002738', packageId: '11537', stickerResourceType: 'ANIMATION', keywords: ['hi'] },
      }),
      event(USER_1, 'E5', { type: 'postback', replyToken: 'token-E5', postback: { data: 'action=buy&itemid=111' } }),
      event(USER_2, 'E6', { type: 'follow', replyToken: 'token-E6', follow: { isUnblocked: false } }),
      event(USER_2, 'E7', { type: 'unfollow' }),
      { type: 'leave', mode: 'active', timestamp: 1705891467176, source: { type: 'group', groupId: 'C4af4980629' }, webhookEventId: 'E8', deliveryContext: { isRedelivery: false } },
    );
    expect(parseLineWebhook(body)).toEqual([
      { ...fromUser1('E1', '1001'), contentType: 'text', text: 'Is the blue one in stock?', attachments: [] },
      {
        kind: 'message',
        eventKey: 'line:E2',
        threadId: USER_2,
        sender: { platformUserId: USER_2 },
        platformMessageId: '1002',
        contentType: 'text',
        text: 'こんにちは ',
        attachments: [],
        sentAt: at,
        replyToken: 'token-E2',
      },
      { ...fromUser1('E3', '1003'), contentType: 'image', text: null, attachments: [{ type: 'image', fileId: '1003' }] },
      { ...fromUser1('E4', '1004'), contentType: 'sticker', text: null, attachments: [{ type: 'sticker', packageId: '11537', stickerId: '52002738' }] },
      { ...fromUser1('E5', 'pb:E5'), contentType: 'postback', text: 'action=buy&itemid=111', attachments: [{ type: 'postback', payload: 'action=buy&itemid=111' }] },
      { kind: 'follow', eventKey: 'line:E6', threadId: USER_2, sender: { platformUserId: USER_2 }, at },
      { kind: 'unfollow', eventKey: 'line:E7', threadId: USER_2, sender: { platformUserId: USER_2 }, at },
      { kind: 'ignored', reason: 'line leave' },
    ]);
  });

  it('reads a file with its name and size', () => {
    const body = lineBody(event(USER_1, 'F1', { replyToken: 'token-F1', message: { id: '2001', type: 'file', fileName: 'catalog.pdf', fileSize: 2138 } }));
    expect(parseLineWebhook(body)).toEqual([{ ...fromUser1('F1', '2001'), contentType: 'file', text: null, attachments: [{ type: 'file', fileId: '2001', name: 'catalog.pdf', size: 2138 }] }]);
  });

  it('reads a location with its title and address', () => {
    const message = { id: '2002', type: 'location', title: 'my location', address: '1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan', latitude: 35.67966, longitude: 139.73669 };
    expect(parseLineWebhook(lineBody(event(USER_1, 'L1', { replyToken: 'token-L1', message })))).toEqual([
      {
        ...fromUser1('L1', '2002'),
        contentType: 'location',
        text: null,
        attachments: [{ type: 'location', title: 'my location', address: '1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan', latitude: 35.67966, longitude: 139.73669 }],
      },
    ]);
  });

  it('keeps the URL of a video hosted outside LINE', () => {
    const message = { id: '2003', type: 'video', duration: 60000, contentProvider: { type: 'external', originalContentUrl: 'https://cdn.example/v.mp4', previewImageUrl: 'https://cdn.example/v.jpg' } };
    expect(parseLineWebhook(lineBody(event(USER_1, 'V1', { replyToken: 'token-V1', message })))).toEqual([
      { ...fromUser1('V1', '2003'), contentType: 'video', text: null, attachments: [{ type: 'video', fileId: '2003', url: 'https://cdn.example/v.mp4' }] },
    ]);
  });

  it('keeps a message received in standby mode, without a reply token', () => {
    const body = lineBody(event(USER_1, 'S1', { mode: 'standby', message: { id: '2004', type: 'audio', duration: 3000, contentProvider: { type: 'line' } } }));
    expect(parseLineWebhook(body)).toEqual([
      { ...fromUser1('S1', '2004'), replyToken: undefined, contentType: 'audio', text: null, attachments: [{ type: 'audio', fileId: '2004' }] },
    ]);
  });

  it('reads a redelivered event like the original', () => {
    const original = event(USER_1, 'R1', { replyToken: 'token-R1', message: { id: '2005', type: 'text', text: 'again' } });
    expect(parseLineWebhook(lineBody({ ...original, deliveryContext: { isRedelivery: true } }))).toEqual(parseLineWebhook(lineBody(original)));
  });

  it('threads a room message by the room, and a group message without userId by the group', () => {
    const inRoom = { ...event(USER_2, 'G1', { message: { id: '3001', type: 'text', text: 'room' } }), source: { type: 'room', roomId: 'Ra8dbf4673c', userId: USER_2 } };
    const noUser = { ...event(USER_2, 'G2', { message: { id: '3002', type: 'text', text: 'group' } }), source: { type: 'group', groupId: 'Ca56f94637c' } };
    expect(parseLineWebhook(lineBody(inRoom, noUser))).toEqual([
      expect.objectContaining({ eventKey: 'line:G1', threadId: 'Ra8dbf4673c', sender: { platformUserId: USER_2 } }),
      expect.objectContaining({ eventKey: 'line:G2', threadId: 'Ca56f94637c', sender: { platformUserId: 'Ca56f94637c' } }),
    ]);
  });

  it.each([
    ['join', event(USER_1, 'I1', { type: 'join', replyToken: 't' }), 'line join'],
    ['memberJoined', event(USER_1, 'I2', { type: 'memberJoined', joined: { members: [{ type: 'user', userId: USER_2 }] } }), 'line memberJoined'],
    ['unsend', event(USER_1, 'I3', { type: 'unsend', unsend: { messageId: '1001' } }), 'line unsend'],
    ['beacon', event(USER_1, 'I4', { type: 'beacon', beacon: { hwid: 'd41d8cd98f', type: 'enter' } }), 'line beacon'],
    ['an unknown message type', event(USER_1, 'I5', { message: { id: '1', type: 'hologram' } }), 'line hologram message'],
    ['a message without id', event(USER_1, 'I6', { message: { type: 'text', text: 'hi' } }), 'line text message'],
    ['an event without webhookEventId', { type: 'message', source: { type: 'user', userId: USER_1 }, message: { id: '1', type: 'text', text: 'hi' } }, 'line message event without webhookEventId or source'],
    ['an event without source', { type: 'follow', webhookEventId: 'I7' }, 'line follow event without webhookEventId or source'],
    ['an event that is not an object', 'follow', 'line untyped event without webhookEventId or source'],
  ])('ignores %s', (_case, ignoredEvent, reason) => {
    expect(parseLineWebhook(lineBody(ignoredEvent))).toEqual([{ kind: 'ignored', reason }]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no events', { destination: 'U8e742f61d673b39c7fff3cecb7536ef0' }],
    ['events that are not an array', { destination: 'U8e742f61d673b39c7fff3cecb7536ef0', events: {} }],
  ])('throws MalformedWebhookError for %s', (_case, body) => {
    expect(() => parseLineWebhook(body)).toThrow(MalformedWebhookError);
  });
});
