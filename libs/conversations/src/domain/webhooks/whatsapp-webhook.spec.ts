import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedWebhookError } from './inbound-item';
import { parseWhatsAppWebhook } from './whatsapp-webhook';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/webhooks');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const change = (value: Record<string, unknown>, field = 'messages') => ({ value: { messaging_product: 'whatsapp', metadata, ...value }, field });
const account = (...changes: unknown[]) => ({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes }] });
const fromSheena = (type: string, fields: Record<string, unknown>) => ({ from: '16505551234', id: `wamid.${type}`, timestamp: '1749416383', type, ...fields });
const sheena = { platformUserId: '16505551234', name: 'Sheena Nelson' };
const contacts = [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }];
/** What every message of `fromSheena()` shares, keyed by its type. */
const base = (type: string) => ({ kind: 'message', eventKey: `wa:wamid.${type}`, threadId: '16505551234', sender: sheena, platformMessageId: `wamid.${type}`, sentAt: new Date(1749416383 * 1000) });

describe('parseWhatsAppWebhook', () => {
  it("takes only the channel's own number: a change addressed to another number of the business account is ignored", () => {
    const body = fixture('whatsapp-text.json');
    expect(parseWhatsAppWebhook(body, '106540352242922')).toEqual([expect.objectContaining({ kind: 'message', eventKey: expect.stringMatching(/^wa:wamid\./) })]);
    expect(parseWhatsAppWebhook(body, '999000111')).toEqual([{ kind: 'ignored', reason: "whatsapp number 106540352242922 is another channel's" }]);
  });

  it('reads the text fixture', () => {
    expect(parseWhatsAppWebhook(fixture('whatsapp-text.json'))).toEqual([
      {
        kind: 'message',
        eventKey: 'wa:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        threadId: '16505551234',
        sender: { platformUserId: '16505551234', name: 'Sheena Nelson' },
        platformMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        contentType: 'text',
        text: 'Does it come in another color?',
        attachments: [],
        sentAt: new Date('2025-06-08T20:59:43Z'),
      },
    ]);
  });

  it('reads the status fixture', () => {
    expect(parseWhatsAppWebhook(fixture('whatsapp-status.json'))).toEqual([
      {
        kind: 'status',
        eventKey: 'wa:wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA:delivered',
        platformMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA',
        status: 'delivered',
        threadId: '16505551234',
        at: new Date('2025-06-18T16:22:53Z'),
      },
    ]);
  });

  it('reads a batch of media, location, button reply and a failed status across entries', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            change({
              contacts: [...contacts, { profile: { name: 'Kerry Fisher' }, wa_id: '16315551181' }],
              messages: [
                fromSheena('image', { image: { caption: 'This one', mime_type: 'image/jpeg', sha256: 'abc=', id: '1003383421387256' } }),
                {
                  from: '16315551181',
                  id: 'wamid.location',
                  timestamp: '1749416400',
                  type: 'location',
                  location: { latitude: 37.483307, longitude: -122.148981, name: 'Pablo Morales', address: '1 Hacker Way, Menlo Park, CA 94025' },
                },
              ],
            }),
          ],
        },
        {
          id: '102290129340398',
          changes: [
            change({
              contacts,
              messages: [
                fromSheena('interactive', {
                  context: { from: '15550783881', id: 'wamid.ours' },
                  interactive: { type: 'button_reply', button_reply: { id: 'size-m', title: 'Medium' } },
                }),
              ],
            }),
            change({
              statuses: [
                {
                  id: 'wamid.failed',
                  status: 'failed',
                  timestamp: '1674676339',
                  recipient_id: '16467043595',
                  errors: [
                    {
                      code: 131047,
                      title: 'Re-engagement message',
                      message: 'Re-engagement message',
                      error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
                      href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
                    },
                  ],
                },
              ],
            }),
          ],
        },
      ],
    };
    expect(parseWhatsAppWebhook(body)).toEqual([
      {
        ...base('image'),
        contentType: 'image',
        text: 'This one',
        attachments: [{ type: 'image', fileId: '1003383421387256', mimeType: 'image/jpeg' }],
      },
      {
        kind: 'message',
        eventKey: 'wa:wamid.location',
        threadId: '16315551181',
        sender: { platformUserId: '16315551181', name: 'Kerry Fisher' },
        platformMessageId: 'wamid.location',
        contentType: 'location',
        text: null,
        attachments: [{ type: 'location', latitude: 37.483307, longitude: -122.148981, title: 'Pablo Morales', address: '1 Hacker Way, Menlo Park, CA 94025' }],
        sentAt: new Date(1749416400 * 1000),
      },
      {
        ...base('interactive'),
        contentType: 'postback',
        text: 'Medium',
        attachments: [{ type: 'postback', payload: 'size-m' }],
      },
      {
        kind: 'status',
        eventKey: 'wa:wamid.failed:failed',
        platformMessageId: 'wamid.failed',
        status: 'failed',
        threadId: '16467043595',
        error: 'Re-engagement message (code 131047)',
        at: new Date(1674676339 * 1000),
      },
    ]);
  });

  it('reads a list reply as a postback', () => {
    const message = fromSheena('interactive', { interactive: { type: 'list_reply', list_reply: { id: 'row-2', title: 'Express delivery', description: '1-2 days' } } });
    expect(parseWhatsAppWebhook(account(change({ contacts, messages: [message] })))).toEqual([
      { ...base('interactive'), contentType: 'postback', text: 'Express delivery', attachments: [{ type: 'postback', payload: 'row-2' }] },
    ]);
  });

  it('reads a template quick reply button as a postback', () => {
    const message = fromSheena('button', { context: { from: '15550783881', id: 'wamid.template' }, button: { payload: 'STOP_PROMOS', text: 'Stop promotions' } });
    expect(parseWhatsAppWebhook(account(change({ contacts, messages: [message] })))).toEqual([
      { ...base('button'), contentType: 'postback', text: 'Stop promotions', attachments: [{ type: 'postback', payload: 'STOP_PROMOS' }] },
    ]);
  });

  it.each([
    ['document', { caption: 'Our PO', filename: 'po-1182.pdf', mime_type: 'application/pdf', sha256: 'x', id: 'doc-1' }, 'file', 'Our PO', { fileId: 'doc-1', mimeType: 'application/pdf', name: 'po-1182.pdf' }],
    ['audio', { mime_type: 'audio/ogg; codecs=opus', sha256: 'x', id: 'audio-1', voice: true }, 'audio', null, { fileId: 'audio-1', mimeType: 'audio/ogg; codecs=opus' }],
    ['video', { mime_type: 'video/mp4', sha256: 'x', id: 'video-1' }, 'video', null, { fileId: 'video-1', mimeType: 'video/mp4' }],
    ['sticker', { mime_type: 'image/webp', sha256: 'x', id: 'sticker-1', animated: false }, 'sticker', null, { fileId: 'sticker-1', mimeType: 'image/webp' }],
  ])('reads a %s by its media id', (type, media, contentType, text, attachment) => {
    expect(parseWhatsAppWebhook(account(change({ contacts, messages: [fromSheena(type, { [type]: media })] })))).toEqual([
      { ...base(type), contentType, text, attachments: [{ type: contentType, ...attachment }] },
    ]);
  });

  it('keeps a message whose sender is missing from contacts', () => {
    const message = { from: '447700900123', id: 'wamid.anon', timestamp: '1749416383', type: 'text', text: { body: 'hi' } };
    expect(parseWhatsAppWebhook(account(change({ messages: [message] })))).toEqual([expect.objectContaining({ threadId: '447700900123', sender: { platformUserId: '447700900123' }, text: 'hi' })]);
  });

  it.each(['sent', 'read'])('reads a %s status', (status) => {
    const body = account(change({ statuses: [{ id: 'wamid.ours', status, timestamp: '1750263773', recipient_id: '16505551234' }] }));
    expect(parseWhatsAppWebhook(body)).toEqual([
      { kind: 'status', eventKey: `wa:wamid.ours:${status}`, platformMessageId: 'wamid.ours', status, threadId: '16505551234', at: new Date(1750263773 * 1000) },
    ]);
  });

  it.each([
    ['a reaction', change({ contacts, messages: [fromSheena('reaction', { reaction: { message_id: 'wamid.ours', emoji: '👍' } })] }), 'whatsapp reaction'],
    ['an unsupported message', change({ contacts, messages: [fromSheena('unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] })] }), 'whatsapp unsupported'],
    ['a flow reply', change({ contacts, messages: [fromSheena('interactive', { interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } })] }), 'whatsapp interactive'],
    ['an unknown status', change({ statuses: [{ id: 'wamid.ours', status: 'deleted', timestamp: '1', recipient_id: '1' }] }), 'whatsapp status deleted'],
    ['another field', change({ event: 'APPROVED', message_template_id: 1 }, 'message_template_status_update'), 'whatsapp field message_template_status_update'],
    ['a change with only errors', change({ errors: [{ code: 131000, title: 'Something went wrong' }] }), 'whatsapp change without messages or statuses'],
  ])('ignores %s', (_case, ignoredChange, reason) => {
    expect(parseWhatsAppWebhook(account(ignoredChange))).toEqual([{ kind: 'ignored', reason }]);
  });

  it.each([
    ['null', null],
    ['a number', 200],
    ['a Messenger body', { object: 'page', entry: [] }],
    ['no entry', { object: 'whatsapp_business_account' }],
    ['an entry that is not an array', { object: 'whatsapp_business_account', entry: 'x' }],
  ])('throws MalformedWebhookError for %s', (_case, body) => {
    expect(() => parseWhatsAppWebhook(body)).toThrow(MalformedWebhookError);
  });
});
