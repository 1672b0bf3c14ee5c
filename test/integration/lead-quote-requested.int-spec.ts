import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { newId, OutboxMessage, SystemUnitOfWork, UnitOfWork } from '@saler/platform';
import { CreateLeadCommand } from '../../libs/crm/src/commands/create-lead/create-lead.command';
import { LeadView } from '../../libs/crm/src/commands/lead.view';
import { RecomputeLeadScoresCommand } from '../../libs/crm/src/commands/recompute-lead-scores/recompute-lead-scores.command';
import { RecordQuoteRequestedCommand } from '../../libs/crm/src/commands/record-quote-requested/record-quote-requested.command';
import { CrmTenantProvisioner } from '../../libs/crm/src/crm-tenant-provisioner';
import { CrmModule } from '../../libs/crm/src/crm.module';
import { Activity } from '../../libs/crm/src/domain/activity.entity';
import { Lead } from '../../libs/crm/src/domain/lead.entity';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

/** RecordQuoteRequestedCommand at handler level, on PostgreSQL (as saler_app) and SQLite. */
describe(`a lead's quote request (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let commands: CommandBus;
  const tenant = newId();
  const context = () => contextOf(tenant);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CrmModule] });
    commands = app.get(CommandBus);
    await app.get(UnitOfWork).run(context(), (tx) => app.get(CrmTenantProvisioner).provision(tx));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const createLead = (email: string): Promise<LeadView> => commands.execute(new CreateLeadCommand(context(), { title: 'Seat covers', contact: { name: 'Quoted', email } }));
  const loadLead = (id: string) => app.get(UnitOfWork).run(context(), async (tx) => (await tx.repository(Lead).findOne({ id })) as Lead);
  const activitiesOf = (leadId: string) => app.get(UnitOfWork).run(context(), (tx) => tx.repository(Activity).find({ where: { leadId, type: 'quote_requested' } }));
  const updatesOf = async (leadId: string): Promise<OutboxMessage[]> => {
    const rows = await app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).find({ where: { type: 'lead.updated', tenantId: tenant } }));
    return rows.filter((row) => (row.payload as { leadId: string }).leadId === leadId);
  };

  it('stamps the first request, records it on the timeline and publishes the change that rescores the lead', async () => {
    const lead = await createLead('first@example.com');
    const before = Date.now();
    await commands.execute(new RecordQuoteRequestedCommand(context(), lead.id));

    const stored = await loadLead(lead.id);
    expect(stored.quoteRequestedAt).toBeInstanceOf(Date);
    expect(stored.quoteRequestedAt?.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(stored.lastActivityAt.getTime()).toBe(stored.quoteRequestedAt?.getTime());
    // A signal, not an edit: an agent's ETag stays valid.
    expect(stored.version).toBe(lead.version);
    expect(await activitiesOf(lead.id)).toEqual([expect.objectContaining({ type: 'quote_requested', contactId: lead.contact.id, actorType: 'system' })]);
    expect(await updatesOf(lead.id)).toEqual([expect.objectContaining({ payload: { leadId: lead.id, changed: ['quoteRequestedAt'] } })]);

    // 15 (email) + 25 (quote requested) + round(25 × 10 / 100) = 43.
    await commands.execute(new RecomputeLeadScoresCommand(context(), { leadIds: [lead.id] }, new Date()));
    expect((await loadLead(lead.id)).score).toBe(43);
  });

  it('keeps the first request: asking again changes nothing', async () => {
    const lead = await createLead('again@example.com');
    await commands.execute(new RecordQuoteRequestedCommand(context(), lead.id));
    const first = (await loadLead(lead.id)).quoteRequestedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await commands.execute(new RecordQuoteRequestedCommand(context(), lead.id));
    expect((await loadLead(lead.id)).quoteRequestedAt).toEqual(first);
    expect(await activitiesOf(lead.id)).toHaveLength(1);
    expect(await updatesOf(lead.id)).toHaveLength(1);
  });

  it('ignores a lead that is not there', async () => {
    const missing = newId();
    await expect(commands.execute(new RecordQuoteRequestedCommand(context(), missing))).resolves.toBeUndefined();
    expect(await updatesOf(missing)).toEqual([]);
  });
});
