import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

interface Session {
  accessToken: string;
  tenant: { id: string };
}

interface JobBody {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  processed: number;
  failed: number;
  errors: { line: number; message: string }[];
  result: { contactsCreated: number; contactsMatched: number; leadsCreated: number };
}

const PASSWORD = 'correct horse battery staple';
const HEADER = 'name,email,phone,title,value,currency,stage,tags,Company';

/**
 * 10,000 data rows (lines 2–10,001): every 33rd row is bad (one of five kinds, 3%), emails repeat
 * (row i uses person i mod 4,000, so 4,000 people), and some fields are quoted with commas and
 * line breaks, which moves the line numbers of what follows. Returns the file, the expected bad
 * lines with what is wrong, and the number of distinct people among the good rows.
 */
function buildCsv(): { csv: string; bad: { line: number; pattern: RegExp }[]; people: number; goodRows: number } {
  const lines = [HEADER];
  const bad: { line: number; pattern: RegExp }[] = [];
  const people = new Set<number>();
  let line = 1;
  for (let i = 0; i < 10_000; i++) {
    const person = i % 4_000;
    const email = `Person${person}@Example.com`;
    const phone = `+1 415 555 ${String(person).padStart(4, '0')}`;
    let row = `Person ${person},${email},${phone},Deal ${i},${i}.25,EUR,Qualified,vip;q${i % 4},Acme ${i % 7}`;
    // Every 50th row has a quoted title with a comma and a line break: it spans two lines.
    const multiline = i % 50 === 7;
    if (multiline) row = `Person ${person},${email},${phone},"Deal ${i}, part one\npart two",${i}.25,EUR,Qualified,vip,Acme`;
    const kind = i % 33 === 0 ? (i / 33) % 5 : -1;
    if (kind === 0) row = `Person ${person},not-an-email,${phone},Deal ${i},1,EUR,New,,`;
    if (kind === 1) row = `Person ${person},${email},12,Deal ${i},1,EUR,New,,`;
    if (kind === 2) row = `Person ${person},${email},${phone},Deal ${i},1,EUR,Nowhere,,`;
    if (kind === 3) row = `Person ${person},${email},${phone},Deal ${i},1.234,EUR,New,,`;
    if (kind === 4) row = `Person ${person},${email},${phone},Deal ${i}`;
    line += multiline && kind < 0 ? 2 : 1;
    lines.push(row);
    if (kind >= 0) bad.push({ line, pattern: [/email/, /phone/, /stage "Nowhere"/, /more decimals/, /4 fields; the header has 9/][kind] });
    else people.add(person);
  }
  return { csv: `${lines.join('\n')}\n`, bad, people: people.size, goodRows: 10_000 - bad.length };
}

describe('lead CSV import and export (black box, PostgreSQL, inline queue)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let viewer: Session;

  const upload = (token: string, csv: string | Buffer, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'leads.csv');
    return fetch(`${base}/api/v1/imports/leads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  };
  const job = (id: string) => json<JobBody>(fetch(`${base}/api/v1/jobs/${id}`, { headers: { authorization: `Bearer ${owner.accessToken}` } }));
  const until = async (id: string, seen: JobBody[] = []) => {
    for (let i = 0; i < 3000; i++) {
      const state = await job(id);
      seen.push(state);
      if (state.status === 'completed' || state.status === 'failed') return state;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`job ${id} did not finish:\n${api.output().slice(-4000)}`);
  };
  const count = async (sql: string, params: unknown[]) => {
    const client = new Client({ connectionString: db.adminUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1', OUTBOX_POLL_INTERVAL_MS: '100' } });
    await waitForReady(api, `${base}/health/ready`);
    const register = (slug: string) =>
      json<Session>(fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantName: slug, tenantSlug: slug, email: `owner@${slug}.example`, password: PASSWORD, name: 'Owner' }) }));
    owner = await register('importer');
    const invitation = await json<{ token: string }>(
      fetch(`${base}/api/v1/invitations`, { method: 'POST', headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'viewer@importer.example', role: 'viewer' }) }),
    );
    viewer = await json<Session>(fetch(`${base}/api/v1/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invitation.token, name: 'Viewer', password: PASSWORD }) }));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('imports 10,000 rows with 3% bad ones and repeated emails: exact counts, every bad line named, progress visible', async () => {
    const { csv, bad, people, goodRows } = buildCsv();
    const accepted = await upload(owner.accessToken, csv);
    expect(accepted.status).toBe(202);
    const { jobId } = await json<{ jobId: string }>(accepted);
    const seen: JobBody[] = [];
    const done = await until(jobId, seen);
    expect(done).toMatchObject({ type: 'import.leads', status: 'completed', progress: 100, processed: 10_000, failed: bad.length });
    expect(done.result).toEqual({ lastLine: expect.any(Number), leadsCreated: goodRows, contactsCreated: people, contactsMatched: goodRows - people });
    expect(bad.length).toBe(304);
    expect(done.errors).toHaveLength(100);
    done.errors.forEach((error, index) => {
      expect(error.line).toBe(bad[index].line);
      expect(error.message).toMatch(bad[index].pattern);
    });
    // Progress is observable while it runs: some poll saw it running part-way.
    expect(seen.some((state) => state.status === 'running' && state.progress > 0 && state.progress < 100 && state.processed > 0)).toBe(true);
    expect(await count('SELECT count(*) AS n FROM leads WHERE tenant_id = $1 AND source = $2', [owner.tenant.id, 'import'])).toBe(goodRows);
    expect(await count('SELECT count(*) AS n FROM contacts WHERE tenant_id = $1', [owner.tenant.id])).toBe(people);
    expect(await count('SELECT count(DISTINCT lower(email)) AS n FROM contacts WHERE tenant_id = $1', [owner.tenant.id])).toBe(people);
    expect(await count('SELECT count(*) AS n FROM job_upload_chunks WHERE job_id = $1', [jobId])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM leads WHERE tenant_id = $1 AND title = 'Deal 7, part one' || chr(10) || 'part two'`, [owner.tenant.id])).toBe(1);
  });

  it('importing the same people again reuses their contacts', async () => {
    const csv = `${HEADER}\nPerson 1,person1@example.com,,Again,10,USD,New,,\nSomeone New,new@example.com,,Fresh,5,USD,,,\n`;
    const { jobId } = await json<{ jobId: string }>(upload(owner.accessToken, csv));
    const done = await until(jobId);
    expect(done).toMatchObject({ status: 'completed', processed: 2, failed: 0 });
    expect(done.result).toMatchObject({ leadsCreated: 2, contactsCreated: 1, contactsMatched: 1 });
  });

  it('renames columns with mapping and turns unknown columns into contact attributes', async () => {
    const csv = 'Full name,E-mail,Deal,Notes,Region\nMapped Person,mapped@example.com,Mapped deal,ignore me,North\n';
    const { jobId } = await json<{ jobId: string }>(upload(owner.accessToken, csv, { mapping: JSON.stringify({ 'Full name': 'name', 'E-mail': 'email', Deal: 'title', Notes: '' }) }));
    expect((await until(jobId)).status).toBe('completed');
    const contacts = await json<{ data: { name: string; email: string; attributes: Record<string, unknown> }[] }>(
      fetch(`${base}/api/v1/contacts?q=mapped`, { headers: { authorization: `Bearer ${owner.accessToken}` } }),
    );
    expect(contacts.data).toEqual([expect.objectContaining({ name: 'Mapped Person', email: 'mapped@example.com', attributes: { Region: 'North' } })]);
  });

  it('refuses what cannot be imported with a 4xx problem and stores nothing', async () => {
    const jobsBefore = await count('SELECT count(*) AS n FROM jobs WHERE tenant_id = $1', [owner.tenant.id]);
    const noIdentity = await upload(owner.accessToken, 'title,value\nA,1\n');
    expect(noIdentity.status).toBe(400);
    expect((await json<Problem>(noIdentity)).errors).toEqual([{ field: 'file', message: expect.stringMatching(/name, email or phone/) }]);
    const empty = await upload(owner.accessToken, '');
    expect(empty.status).toBe(400);
    const badMapping = await upload(owner.accessToken, `${HEADER}\n`, { mapping: '{not json' });
    expect(badMapping.status).toBe(400);
    expect((await json<Problem>(badMapping)).errors?.[0].field).toBe('mapping');
    const unknownTarget = await upload(owner.accessToken, `${HEADER}\n`, { mapping: JSON.stringify({ name: 'nickname' }) });
    expect(unknownTarget.status).toBe(400);
    const notMultipart = await fetch(`${base}/api/v1/imports/leads`, { method: 'POST', headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'application/json' }, body: '{}' });
    expect(notMultipart.status).toBe(415);
    const tooLarge = await upload(owner.accessToken, Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(51 * 1024 * 1024, 'a')]));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    expect((await upload(viewer.accessToken, `${HEADER}\n`)).status).toBe(403);
    expect(await count('SELECT count(*) AS n FROM jobs WHERE tenant_id = $1', [owner.tenant.id])).toBe(jobsBefore);
    expect(await count('SELECT count(*) AS n FROM job_upload_chunks', [])).toBe(0);
  });

  it('fails a file that is not CSV past some line, keeping what came before and naming the line', async () => {
    const csv = `${HEADER}\nGood One,good1@example.com,,Deal,1,USD,New,,\n"unterminated,x@example.com\n`;
    const { jobId } = await json<{ jobId: string }>(upload(owner.accessToken, csv));
    const done = await until(jobId);
    expect(done.status).toBe('failed');
    expect(done.errors[done.errors.length - 1]).toEqual({ line: expect.any(Number), message: expect.stringMatching(/could not be read/) });
  });

  it('exports the filtered leads as streamed CSV, masked for viewers and safe for spreadsheets', async () => {
    const headers = (token: string) => ({ authorization: `Bearer ${token}` });
    const response = await fetch(`${base}/api/v1/exports/leads.csv?q=mapped`, { headers: headers(owner.accessToken) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('leads.csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('name,email,phone,title,value,currency,stage,tags,expectedCloseDate,status,lostReason,score,source,assigneeId,createdAt,id');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Mapped Person,mapped@example.com,,Mapped deal,0.00,USD,New,,,open,,\d+,import,,/);
    const all = await fetch(`${base}/api/v1/exports/leads.csv?source=import&tag=vip`, { headers: headers(owner.accessToken) });
    const records = parse(await all.text(), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(buildCsv().goodRows);
    expect(records.find((record) => record.title.startsWith('Deal 7,'))).toMatchObject({ title: 'Deal 7, part one\npart two', email: 'person7@example.com', phone: '+14155550007', value: '7.25', tags: 'vip' });
    const masked = await (await fetch(`${base}/api/v1/exports/leads.csv?q=mapped`, { headers: headers(viewer.accessToken) })).text();
    expect(masked.trim().split('\n')[1]).toMatch(/^Mapped Person,\*\*\*,,Mapped deal/);
    const formula = await json<{ id: string }>(
      fetch(`${base}/api/v1/leads`, {
        method: 'POST',
        headers: { ...headers(owner.accessToken), 'content-type': 'application/json' },
        body: JSON.stringify({ title: '=HYPERLINK("http://evil")', contact: { name: 'Formula', phone: '+14155558888' } }),
      }),
    );
    expect(formula.id).toBeDefined();
    const exported = await (await fetch(`${base}/api/v1/exports/leads.csv?q=hyperlink`, { headers: headers(owner.accessToken) })).text();
    expect(exported).toContain(`Formula,,+14155558888,"'=HYPERLINK(""http://evil"")"`);
    const invalid = await fetch(`${base}/api/v1/exports/leads.csv?status=maybe`, { headers: headers(owner.accessToken) });
    expect(invalid.status).toBe(400);
  });
});
