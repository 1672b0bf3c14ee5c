import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

async function cli(args: string[], env: Record<string, string>) {
  const proc = startProcess({ entry: { dist: 'apps/cli/src/main.js' }, env, args });
  const code = await proc.exited;
  return { code, output: proc.output() };
}

describe('saler CLI', () => {
  it('db:stats prints the row count of every table (embedded SQLite, migrated on first use)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saler-cli-'));
    try {
      const { code, output } = await cli(['db:stats'], { SQLITE_PATH: join(dir, 'saler.sqlite') });
      expect(code).toBe(0);
      expect(output).toMatch(/^table\s+rows$/m);
      expect(output).toMatch(/^migrations\s+[1-9]\d*$/m);
      expect(output).toMatch(/^tenants\s+0$/m);
      expect(output).toMatch(/^outbox\s+0$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on PostgreSQL', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('postgres');
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('db:stats counts rows across all tenants through the system role', async () => {
      const { code, output } = await cli(['db:stats'], db.env);
      expect(code).toBe(0);
      expect(output).toMatch(/^notes\s+0$/m);
      expect(output).toMatch(/^outbox\s+0$/m);
      // A partitioned table once, its partitions (which neither role may read directly) not at all.
      expect(output).toMatch(/^catalog_model_terms\s+0$/m);
      expect(output).not.toMatch(/catalog_model_terms_h\d/);
    });
  });

  it('an unknown command exits 1 with one clear line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saler-cli-'));
    try {
      const { code, output } = await cli(['no-such-command'], { SQLITE_PATH: join(dir, 'saler.sqlite') });
      expect(code).toBe(1);
      expect(output.trim()).toBe("error: unknown command 'no-such-command'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('import:reg01 on PostgreSQL', () => {
    const FIXTURES = join(__dirname, '..', 'fixtures', 'reg01');
    const SESSIONS = { messenger: 'fb_2481937465012345', web: 'web_v8f3k2m9q1x7c4d6', line: 'line_U4af4980629e1b0e7c6a5d4e3f2a1b0c9' };
    type Platform = keyof typeof SESSIONS;
    interface Conversation {
      id: string;
      threadId: string;
      contactName: string | null;
      messageCount: number;
    }
    interface Message {
      direction: string;
      senderType: string;
      text: string;
      deliveryStatus: string | null;
    }

    let db: TestDatabase;
    let api: RunningProcess;
    let base: string;
    let token: string;
    const channels = {} as Record<Platform, string>;

    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return json<T>(response);
    };
    const importReg01 = (path: string, platform: Platform, tenant = 'reg-shop') => cli(['import:reg01', path, '--tenant', tenant, '--channel', channels[platform]], db.env);
    /** The only conversation of a channel, with its messages in order. */
    const conversationOf = async (platform: Platform) => {
      const { data } = await get<{ data: Conversation[] }>(`/conversations?channelId=${channels[platform]}`);
      expect(data).toHaveLength(1);
      return { ...data[0], messages: (await get<{ data: Message[] }>(`/conversations/${data[0].id}/messages?limit=100`)).data };
    };

    beforeAll(async () => {
      db = await createTestDatabase('postgres');
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...db.env, PORT: String(port), HOST: '127.0.0.1' } });
      await waitForReady(api, `${base}/health/ready`);
      const post = async <T>(path: string, body: unknown): Promise<T> => {
        const response = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
        if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
        return json<T>(response);
      };
      token = (await post<{ accessToken: string }>('/auth/register', { tenantName: 'Reg Shop', tenantSlug: 'reg-shop', email: 'owner@reg.example', password: 'correct horse battery staple', name: 'Owner' })).accessToken;
      channels.messenger = (await post<{ id: string }>('/channels', { type: 'messenger', name: 'Page', credentials: { appSecret: 'app-secret', verifyToken: 'verify', pageAccessToken: 'page-token' } })).id;
      channels.web = (await post<{ id: string }>('/channels', { type: 'web', name: 'Widget', settings: { allowedOrigins: ['https://shop.example'] } })).id;
      channels.line = (await post<{ id: string }>('/channels', { type: 'line', name: 'LINE OA', credentials: { channelSecret: 'line-secret', channelAccessToken: 'line-token' } })).id;
    });

    afterAll(async () => {
      await api?.stop('SIGKILL');
      await db?.drop();
    });

    it("imports the sample directory into each channel: that platform's sessions, the others and the broken file reported; exits 1", async () => {
      const messenger = await importReg01(FIXTURES, 'messenger');
      expect(messenger.code).toBe(1);
      expect(messenger.output).toMatch(/^Importing 4 REG-01 files from .*reg01 into reg-shop, messenger channel "Page"$/m);
      expect(messenger.output).toMatch(/^\s+50%\s+fb_2481937465012345\.json: 4 messages imported, 0 skipped, new conversation$/m);
      expect(messenger.output).toMatch(/^\s+25%\s+fb_1000000000000099\.json: failed: not valid JSON \(Unterminated string/m);
      expect(messenger.output).toMatch(/^\s+100%\s+web_v8f3k2m9q1x7c4d6\.json: failed: Session web_v8f3k2m9q1x7c4d6 is a web conversation; the channel is a messenger channel$/m);
      expect(messenger.output).toMatch(/line_U4af4980629e1b0e7c6a5d4e3f2a1b0c9\.json: failed: .* is a line conversation; the channel is a messenger channel$/m);
      expect(messenger.output).toMatch(/^Done: 4 files: 1 conversation created, 4 messages imported, 0 skipped \(already imported\), 3 failed$/m);
      expect(messenger.output).toMatch(/^3 files could not be imported; fix them and run the import again/m);

      expect(await importReg01(FIXTURES, 'web')).toMatchObject({ code: 1, output: expect.stringMatching(/^Done: 4 files: 1 conversation created, 3 messages imported, 0 skipped \(already imported\), 3 failed$/m) as string });
      expect(await importReg01(FIXTURES, 'line')).toMatchObject({ code: 1, output: expect.stringMatching(/^Done: 4 files: 1 conversation created, 4 messages imported, 0 skipped \(already imported\), 3 failed$/m) as string });

      const fb = await conversationOf('messenger');
      expect(fb).toMatchObject({ threadId: '2481937465012345', contactName: null, messageCount: 4 });
      expect(fb.messages.map(({ direction, senderType, text, deliveryStatus }) => ({ direction, senderType, text, deliveryStatus }))).toEqual([
        { direction: 'inbound', senderType: 'contact', text: 'Hi! Do you have EVA mats for a Toyota Camry 2019?', deliveryStatus: null },
        { direction: 'outbound', senderType: 'bot', text: 'Hello! Yes, we make EVA mats for the Camry XV70 (2018-2024).\nWould you like the full set or just the front?', deliveryStatus: 'sent' },
        { direction: 'inbound', senderType: 'contact', text: 'Full set, black with red edging', deliveryStatus: null },
        { direction: 'outbound', senderType: 'bot', text: 'The full set is 2,900 THB. Shall I reserve one for you?', deliveryStatus: 'sent' },
      ]);
      const web = await conversationOf('web');
      expect(web).toMatchObject({ threadId: 'v8f3k2m9q1x7c4d6', messageCount: 3 });
      expect(web.messages.map((message) => message.text)).toEqual(['Do you deliver to Chiang Mai?', 'Yes, delivery to Chiang Mai takes 2-3 days and is free over 2,000 THB.', 'Great, thanks']);
      const line = await conversationOf('line');
      expect(line).toMatchObject({ threadId: 'U4af4980629e1b0e7c6a5d4e3f2a1b0c9', contactName: 'Somchai P.', messageCount: 4 });
      expect(line.messages.map((message) => message.senderType)).toEqual(['contact', 'bot', 'contact', 'bot']);
    });

    it('imports nothing on a second run; a run of good files only exits 0', async () => {
      expect(await importReg01(FIXTURES, 'messenger')).toMatchObject({
        code: 1,
        output: expect.stringMatching(/^Done: 4 files: 0 conversations created, 0 messages imported, 4 skipped \(already imported\), 3 failed$/m) as string,
      });
      const line = await importReg01(join(FIXTURES, `${SESSIONS.line}.json`), 'line');
      expect(line.output).toMatch(/^Done: 1 file: 0 conversations created, 0 messages imported, 4 skipped \(already imported\), 0 failed$/m);
      expect(line.code).toBe(0);
      expect((await conversationOf('messenger')).messages).toHaveLength(4);
      expect((await conversationOf('line')).messageCount).toBe(4);
    });

    it('exits 2 with one clear line on an unknown tenant, channel or path, importing nothing', async () => {
      const cases: [string[], string][] = [
        [['import:reg01', FIXTURES, '--tenant', 'no-such-shop', '--channel', channels.web], 'No tenant with the slug "no-such-shop"'],
        [['import:reg01', FIXTURES, '--tenant', 'reg-shop', '--channel', '0190a4c2-0000-7000-8000-000000000000'], 'No channel 0190a4c2-0000-7000-8000-000000000000 in the tenant "reg-shop"'],
        [['import:reg01', FIXTURES, '--tenant', 'reg-shop', '--channel', 'page-1'], 'No channel page-1 in the tenant "reg-shop"'],
        [['import:reg01', join(FIXTURES, 'missing'), '--tenant', 'reg-shop', '--channel', channels.web], `No such file or directory: ${join(FIXTURES, 'missing')}`],
      ];
      for (const [args, message] of cases) {
        const run = await cli(args, db.env);
        expect({ args, code: run.code, output: run.output.trim() }).toEqual({ args, code: 2, output: message });
      }
      expect((await conversationOf('web')).messageCount).toBe(3);
    });
  });
});
