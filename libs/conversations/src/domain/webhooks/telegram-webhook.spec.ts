import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedWebhookError } from './inbound-item';
import { parseTelegramUpdate } from './telegram-webhook';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/webhooks');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const from = { id: 222, is_bot: false, first_name: 'Ana', last_name: 'Silva', username: 'ana', language_code: 'pt-BR' };
const ana = { platformUserId: '222', name: 'Ana Silva', username: 'ana', locale: 'pt-BR' };
const chat = { id: 222, type: 'private', first_name: 'Ana', last_name: 'Silva', username: 'ana' };
const message = (fields: Record<string, unknown>) => ({ update_id: 500, message: { message_id: 7, from, chat, date: 1700000000, ...fields } });
/** What every message of `message()` shares. */
const base = { kind: 'message', eventKey: 'tg:500', threadId: '222', sender: ana, platformMessageId: '222:7', sentAt: new Date(1700000000 * 1000) };

describe('parseTelegramUpdate', () => {
  it('reads the text fixture', () => {
    expect(parseTelegramUpdate(fixture('telegram-text.json'))).toEqual([
      {
        kind: 'message',
        eventKey: 'tg:10000',
        threadId: '1111111',
        sender: { platformUserId: '1111111', name: 'Test Firstname Test Lastname', username: 'Testusername' },
        platformMessageId: '1111111:1365',
        contentType: 'text',
        text: '/start',
        attachments: [],
        sentAt: new Date('2015-09-07T17:05:32Z'),
      },
    ]);
  });

  it('keeps the largest photo size and the caption', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 67, file_size: 1200 },
      { file_id: 'large', file_unique_id: 'l', width: 1280, height: 960, file_size: 98000 },
      { file_id: 'medium', file_unique_id: 'm', width: 320, height: 240, file_size: 14000 },
    ];
    expect(parseTelegramUpdate(message({ photo, caption: 'this one, in red' }))).toEqual([
      { ...base, contentType: 'image', text: 'this one, in red', attachments: [{ type: 'image', fileId: 'large', width: 1280, height: 960 }] },
    ]);
  });

  it('reads a sticker with its emoji', () => {
    const sticker = { file_id: 'CAACAgIAAxk', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' };
    expect(parseTelegramUpdate(message({ sticker }))).toEqual([
      { ...base, contentType: 'sticker', text: null, attachments: [{ type: 'sticker', fileId: 'CAACAgIAAxk', width: 512, height: 512, emoji: '👍' }] },
    ]);
  });

  it('reads a document with its name and MIME type', () => {
    const document = { file_id: 'BQACAgIAAxk', file_unique_id: 'u', file_name: 'quote.pdf', mime_type: 'application/pdf', file_size: 52000 };
    expect(parseTelegramUpdate(message({ document }))).toEqual([
      { ...base, contentType: 'file', text: null, attachments: [{ type: 'file', fileId: 'BQACAgIAAxk', name: 'quote.pdf', mimeType: 'application/pdf' }] },
    ]);
  });

  it('reads a GIF as a video, not as the document Telegram sends with it', () => {
    const gif = { file_id: 'CgACAgQAAxk', file_unique_id: 'u', width: 320, height: 240, duration: 3, mime_type: 'video/mp4', file_name: 'party.mp4' };
    expect(parseTelegramUpdate(message({ animation: gif, document: gif }))).toEqual([
      { ...base, contentType: 'video', text: null, attachments: [{ type: 'video', fileId: 'CgACAgQAAxk', width: 320, height: 240, duration: 3, mimeType: 'video/mp4', name: 'party.mp4' }] },
    ]);
  });

  it('reads a voice note as audio', () => {
    const voice = { file_id: 'AwACAgIAAxk', file_unique_id: 'u', duration: 4, mime_type: 'audio/ogg' };
    expect(parseTelegramUpdate(message({ voice }))).toEqual([
      { ...base, contentType: 'audio', text: null, attachments: [{ type: 'audio', fileId: 'AwACAgIAAxk', duration: 4, mimeType: 'audio/ogg' }] },
    ]);
  });

  it('reads a location', () => {
    expect(parseTelegramUpdate(message({ location: { latitude: -23.5505, longitude: -46.6333 } }))).toEqual([
      { ...base, contentType: 'location', text: null, attachments: [{ type: 'location', latitude: -23.5505, longitude: -46.6333 }] },
    ]);
  });

  it('reads a venue with its title and address rather than the bare location sent with it', () => {
    const location = { latitude: -23.5613, longitude: -46.6565 };
    const venue = { location, title: 'MASP', address: 'Av. Paulista, 1578' };
    expect(parseTelegramUpdate(message({ venue, location }))).toEqual([
      { ...base, contentType: 'location', text: null, attachments: [{ type: 'location', ...location, title: 'MASP', address: 'Av. Paulista, 1578' }] },
    ]);
  });

  it('reads a shared contact', () => {
    const contact = { phone_number: '+5511999990000', first_name: 'Bruno', last_name: 'Costa', user_id: 333 };
    expect(parseTelegramUpdate(message({ contact }))).toEqual([
      { ...base, contentType: 'event', text: null, attachments: [{ type: 'contact', phoneNumber: '+5511999990000', name: 'Bruno Costa', platformUserId: '333' }] },
    ]);
  });

  it('reads an edited message as a message of its own, keyed by its update_id, its id carrying the edit time', () => {
    const update = { update_id: 501, edited_message: { message_id: 7, from, chat, date: 1700000000, edit_date: 1700000100, text: 'Two, not one' } };
    expect(parseTelegramUpdate(update)).toEqual([
      { ...base, eventKey: 'tg:501', platformMessageId: `${base.platformMessageId}:edit:1700000100`, contentType: 'text', text: 'Two, not one', attachments: [] },
    ]);
  });

  it('threads a group message by the group and names its author', () => {
    const group = { id: -1001234567890, type: 'supergroup', title: 'Buyers' };
    expect(parseTelegramUpdate({ update_id: 502, message: { message_id: 9, from, chat: group, date: 1700000000, text: 'hi all' } })).toEqual([
      { ...base, eventKey: 'tg:502', threadId: '-1001234567890', platformMessageId: '-1001234567890:9', contentType: 'text', text: 'hi all', attachments: [] },
    ]);
  });

  it('names an anonymous group admin by the group it speaks as', () => {
    const group = { id: -1001234567890, type: 'supergroup', title: 'Buyers' };
    const placeholder = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    const [item] = parseTelegramUpdate({ update_id: 503, message: { message_id: 10, from: placeholder, sender_chat: group, chat: group, date: 1700000000, text: 'hello' } });
    expect(item).toMatchObject({ kind: 'message', sender: { platformUserId: '-1001234567890', name: 'Buyers' } });
  });

  it('reads a callback query as a postback in the chat of its keyboard', () => {
    const update = {
      update_id: 504,
      callback_query: {
        id: '4382bfdwdsb323b2d9',
        from,
        message: { message_id: 8, from: { id: 999, is_bot: true, first_name: 'Shop' }, chat, date: 1699999990, text: 'Pick a size' },
        chat_instance: '-8134',
        data: 'size:M',
      },
    };
    expect(parseTelegramUpdate(update)).toEqual([
      {
        kind: 'message',
        eventKey: 'tg:504',
        threadId: '222',
        sender: ana,
        platformMessageId: 'cbq:4382bfdwdsb323b2d9',
        contentType: 'postback',
        text: 'size:M',
        attachments: [{ type: 'postback', payload: 'size:M' }],
        sentAt: null,
      },
    ]);
  });

  it('threads a callback query from an inline message by its user', () => {
    const update = { update_id: 505, callback_query: { id: 'cb2', from, inline_message_id: 'AAAA', chat_instance: '-1', data: 'buy' } };
    expect(parseTelegramUpdate(update)).toEqual([expect.objectContaining({ kind: 'message', threadId: '222', platformMessageId: 'cbq:cb2', text: 'buy' })]);
  });

  it('ignores a game callback query, which has no data', () => {
    expect(parseTelegramUpdate({ update_id: 506, callback_query: { id: 'cb3', from, chat_instance: '-1', game_short_name: 'race' } })).toEqual([
      { kind: 'ignored', reason: 'telegram callback_query without id, data or chat' },
    ]);
  });

  it.each([
    ['kicked', 'unfollow'],
    ['member', 'follow'],
  ])('reads my_chat_member %s as %s', (status, kind) => {
    const update = {
      update_id: 507,
      my_chat_member: {
        chat,
        from,
        date: 1700000200,
        old_chat_member: { status: status === 'kicked' ? 'member' : 'kicked', user: { id: 999, is_bot: true, first_name: 'Shop' } },
        new_chat_member: { status, user: { id: 999, is_bot: true, first_name: 'Shop' }, ...(status === 'kicked' && { until_date: 0 }) },
      },
    };
    expect(parseTelegramUpdate(update)).toEqual([{ kind, eventKey: 'tg:507', threadId: '222', sender: ana, at: new Date(1700000200 * 1000) }]);
  });

  it('ignores other membership changes of the bot', () => {
    const update = { update_id: 508, my_chat_member: { chat, from, date: 1700000200, new_chat_member: { status: 'administrator' } } };
    expect(parseTelegramUpdate(update)).toEqual([{ kind: 'ignored', reason: 'telegram my_chat_member administrator' }]);
  });

  it.each([
    ['a channel post', { channel_post: { message_id: 1, chat: { id: -100, type: 'channel' }, date: 1, text: 'news' } }, 'telegram channel_post'],
    ['an inline query', { inline_query: { id: '1', from, query: 'shoes', offset: '' } }, 'telegram inline_query'],
    ['a service message', { message: { message_id: 7, from, chat, date: 1, new_chat_members: [from] } }, 'telegram message without supported content'],
    ['a message without chat', { message: { message_id: 7, from, date: 1, text: 'hi' } }, 'telegram message without chat or message_id'],
    ['an update with nothing but its id', {}, 'telegram update without content'],
  ])('ignores %s', (_case, fields, reason) => {
    expect(parseTelegramUpdate({ update_id: 509, ...fields })).toEqual([{ kind: 'ignored', reason }]);
  });

  it.each([
    ['null', null],
    ['an array', [{ update_id: 1 }]],
    ['a string', '{"update_id":1}'],
    ['no update_id', { message: { message_id: 1, chat, date: 1, text: 'hi' } }],
    ['a string update_id', { update_id: '10000', message: { message_id: 1, chat, date: 1, text: 'hi' } }],
  ])('throws MalformedWebhookError for %s', (_case, body) => {
    expect(() => parseTelegramUpdate(body)).toThrow(MalformedWebhookError);
  });
});
