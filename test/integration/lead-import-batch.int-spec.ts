import { INestApplicationContext } from '@nestjs/common';
import { newId, TenantTx, UnitOfWork } from '@saler/platform';
import { newContact } from '../../libs/crm/src/commands/contact-input';
import { newActivity, newLead } from '../../libs/crm/src/commands/lead-store';
import { importBatch } from '../../libs/crm/src/commands/run-lead-import/lead-import-batch';
import { CrmModule } from '../../libs/crm/src/crm.module';
import { Activity } from '../../libs/crm/src/domain/activity.entity';
import { ContactIdentity } from '../../libs/crm/src/domain/contact-identity.entity';
import { Contact } from '../../libs/crm/src/domain/contact.entity';
import { ImportedRow } from '../../libs/crm/src/domain/lead-import-row';
import { LeadTag } from '../../libs/crm/src/domain/lead-tag.entity';
import { Lead } from '../../libs/crm/src/domain/lead.entity';
import { Pipeline } from '../../libs/crm/src/domain/pipeline.entity';
import { Stage } from '../../libs/crm/src/domain/stage.entity';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

/** The import's bulk writes (TenantRepository.insertBulk: unnest on PostgreSQL, multi-row VALUES on SQLite) round-trip every column type. */
describe(`lead import batch (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const other = newId();
  const stage = { id: newId(), pipelineId: newId(), name: 'Qualified', kind: 'open' as const, probability: 40 };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CrmModule] });
    await app.get(UnitOfWork).run(contextOf(tenant), async (tx) => {
      await tx.repository(Pipeline).insert({ id: stage.pipelineId, name: 'Sales', isDefault: true, createdAt: new Date() });
      await tx.repository(Stage).insert({ id: stage.id, pipelineId: stage.pipelineId, name: stage.name, position: 0, probability: 40, kind: 'open' });
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const row = (n: number, email: string | null, tags: string[] = []): ImportedRow => ({
    contact: { name: `Person ${n}`, email, phone: null, locale: n % 2 ? 'en' : null, attributes: n % 2 ? { company: `Acme ${n}`, vip: true, size: 12 } : {} },
    lead: { title: `Deal "${n}", it's big`, valueMinor: 9_007_199_254_740 + n, currency: 'EUR', stage, tags, expectedCloseDate: n % 2 ? '2026-12-31' : null },
  });

  it('writes contacts, leads, tags and activities with every value intact, reusing contacts by email', async () => {
    const rows = [...Array.from({ length: 2_500 }, (_, n) => row(n, `p${n}@example.com`, n % 3 ? ['vip', 'q4'] : [])), row(7, 'p7@example.com')];
    const jobId = newId();
    const outcome = await app.get(UnitOfWork).run(contextOf(tenant), (tx) => importBatch(tx, jobId, rows));
    expect(outcome).toMatchObject({ contactsCreated: 2_500, contactsMatched: 1 });
    expect(outcome.leadIds).toHaveLength(2_501);
    await app.get(UnitOfWork).run(contextOf(tenant), async (tx) => {
      expect(await tx.repository(Contact).count()).toBe(2_500);
      expect(await tx.repository(Lead).count()).toBe(2_501);
      expect(await tx.repository(LeadTag).count()).toBe(2 * rows.filter((candidate) => candidate.lead.tags.length > 0).length);
      expect(await tx.repository(Activity).count({ type: 'import' })).toBe(2_501);
      const contact = (await tx.repository(Contact).findOne({ email: 'p1@example.com' })) as Contact;
      expect(contact).toMatchObject({ tenantId: tenant, name: 'Person 1', locale: 'en', attributes: { company: 'Acme 1', vip: true, size: 12 }, version: 1, deletedAt: null, mergedIntoId: null });
      expect(contact.createdAt).toBeInstanceOf(Date);
      const lead = (await tx.repository(Lead).findOne({ id: outcome.leadIds[1] })) as Lead;
      expect(lead).toMatchObject({ contactId: contact.id, title: 'Deal "1", it\'s big', valueMinor: 9_007_199_254_741, currency: 'EUR', source: 'import', stageId: stage.id, status: 'open', tags: ['vip', 'q4'], expectedCloseDate: '2026-12-31', score: 25, version: 1, lostReason: null, assigneeId: null });
      expect(Math.abs(lead.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      const again = (await tx.repository(Lead).findOne({ id: outcome.leadIds[2_500] })) as Lead;
      expect(again.contactId).toBe((await tx.repository(Contact).findOne({ email: 'p7@example.com' }))?.id);
    });
    expect(await app.get(UnitOfWork).run(contextOf(other), (tx) => tx.repository(Lead).count())).toBe(0);
  });

  describe('insertBulk with other tables alongside (one statement on PostgreSQL)', () => {
    const customer = (name: string, now = new Date()) => {
      const contact = newContact(other, { name }, now);
      const identity: ContactIdentity = { tenantId: other, id: newId(), contactId: contact.id, channel: 'telegram', platformUserId: `tg-${contact.id}`, createdAt: now };
      const lead = newLead(other, { contactId: contact.id, title: `Telegram: ${name}`, valueMinor: 0, currency: 'USD', source: 'telegram', assigneeId: null, tags: ['chat'], expectedCloseDate: null }, stage, now);
      return { contact, identity, lead };
    };
    const run = <T>(work: (tx: TenantTx) => Promise<T>) => app.get(UnitOfWork).run(contextOf(other), work);
    const activityOf = (tx: TenantTx, lead: Lead) => newActivity(tx, lead, 'lead_created', { title: lead.title }, new Date());

    beforeAll(() =>
      run(async (tx) => {
        await tx.repository(Pipeline).insert({ id: stage.pipelineId, name: 'Sales', isDefault: true, createdAt: new Date() });
        await tx.repository(Stage).insert({ id: stage.id, pipelineId: stage.pipelineId, name: stage.name, position: 0, probability: 40, kind: 'open' });
      }),
    );

    it('stores contacts, the identities, leads and activities that reference them, with their values', async () => {
      const [ada, bob] = [customer('Ada'), customer('Bob')];
      await run(async (tx) =>
        tx
          .repository(Contact)
          .insertBulk(
            [ada.contact, bob.contact],
            tx.repository(ContactIdentity).rows([ada.identity, bob.identity]),
            tx.repository(Lead).rows([ada.lead, bob.lead]),
            tx.repository(Activity).rows([activityOf(tx, ada.lead), activityOf(tx, bob.lead)]),
          ),
      );
      await run(async (tx) => {
        expect(await tx.repository(ContactIdentity).findOne({ contactId: bob.contact.id })).toMatchObject({ channel: 'telegram', platformUserId: bob.identity.platformUserId });
        expect(await tx.repository(Lead).findOne({ id: ada.lead.id })).toMatchObject({ contactId: ada.contact.id, title: 'Telegram: Ada', tags: ['chat'], stageId: stage.id });
        expect(await tx.repository(Activity).count({ leadId: bob.lead.id, type: 'lead_created' })).toBe(1);
      });
    });

    it('stores none of them when one row breaks a constraint', async () => {
      const carl = customer('Carl');
      const orphan = customer('Orphan');
      const failing = run(async (tx) =>
        tx
          .repository(Contact)
          .insertBulk([carl.contact], tx.repository(ContactIdentity).rows([carl.identity]), tx.repository(Lead).rows([carl.lead, orphan.lead]), tx.repository(Activity).rows([activityOf(tx, carl.lead)])),
      );
      await expect(failing).rejects.toThrow(/foreign key|FOREIGN KEY/);
      await run(async (tx) => {
        expect(await tx.repository(Contact).count({ id: carl.contact.id })).toBe(0);
        expect(await tx.repository(ContactIdentity).count({ contactId: carl.contact.id })).toBe(0);
        expect(await tx.repository(Lead).count({ id: carl.lead.id })).toBe(0);
      });
    });

    it('refuses rows of another unit of work', async () => {
      const dana = customer('Dana');
      const elsewhere = await run(async (tx) => tx.repository(ContactIdentity).rows([dana.identity]));
      await expect(run(async (tx) => tx.repository(Contact).insertBulk([dana.contact], elsewhere))).rejects.toThrow('rows of another unit of work');
    });
  });
});

