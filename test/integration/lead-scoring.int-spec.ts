import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { CommandBus } from '@nestjs/cqrs';
import { JOBS, newId, QUEUE_DRIVER, QueueDriver, QueueJob, QUEUES, UnitOfWork } from '@saler/platform';
import { CreateLeadCommand } from '../../libs/crm/src/commands/create-lead/create-lead.command';
import { LeadView } from '../../libs/crm/src/commands/lead.view';
import { RecomputeLeadScoresCommand } from '../../libs/crm/src/commands/recompute-lead-scores/recompute-lead-scores.command';
import { RescoreAllTenantsCommand } from '../../libs/crm/src/commands/rescore-all-tenants/rescore-all-tenants.command';
import { CrmTenantProvisioner } from '../../libs/crm/src/crm-tenant-provisioner';
import { CrmModule } from '../../libs/crm/src/crm.module';
import { Lead } from '../../libs/crm/src/domain/lead.entity';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

/** Scoring at handler level on both drivers: decay over days without activity, and the daily cross-tenant rescore. */
describe(`lead scoring (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let commands: CommandBus;
  const tenantA = newId();
  const tenantB = newId();
  const tenantWithoutLeads = newId();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CrmModule] });
    commands = app.get(CommandBus);
    for (const tenantId of [tenantA, tenantB, tenantWithoutLeads]) await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => app.get(CrmTenantProvisioner).provision(tx));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const createLead = (tenantId: string, email: string): Promise<LeadView> =>
    commands.execute(new CreateLeadCommand(contextOf(tenantId), { title: 'Scored', contact: { name: 'Scored', email, phone: '+14155552671' } }));
  const scoreOf = (tenantId: string, id: string) => app.get(UnitOfWork).run(contextOf(tenantId), async (tx) => (await tx.repository(Lead).findOne({ id }))?.score);

  it('scores with the default rules and decays a lead that has seen no activity for days', async () => {
    const lead = await createLead(tenantA, 'decay@example.com');
    const now = new Date(lead.lastActivityAt);
    expect(await commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [lead.id] }, now))).toEqual({ changed: 1, lastId: null });
    // 15 (email) + 15 (phone) + round(25 × 10 / 100) = 33.
    expect(await scoreOf(tenantA, lead.id)).toBe(33);
    await commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [lead.id] }, new Date(now.getTime() + 10 * DAY)));
    expect(await scoreOf(tenantA, lead.id)).toBe(13);
    await commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [lead.id] }, new Date(now.getTime() + 100 * DAY)));
    expect(await scoreOf(tenantA, lead.id)).toBe(3);
  });

  it("takes a tenant's concurrent rescoring of named leads together: each lead by its own state, each caller told of its own changes", async () => {
    const [withPhone, withoutPhone] = [
      await createLead(tenantA, 'together-1@example.com'),
      await commands.execute<LeadView>(new CreateLeadCommand(contextOf(tenantA), { title: 'No phone', contact: { name: 'No phone', email: 'together-2@example.com' } })),
    ];
    const now = new Date(withoutPhone.lastActivityAt);
    const results = await Promise.all([
      commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [withPhone.id] }, now)),
      commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [withPhone.id, withoutPhone.id] }, now)),
      commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [withoutPhone.id] }, now)),
      commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [newId()] }, now)),
    ]);
    // The first runs alone; the next three, submitted while it ran, together.
    expect(results).toEqual([
      { changed: 1, lastId: null },
      { changed: 1, lastId: null },
      { changed: 1, lastId: null },
      { changed: 0, lastId: null },
    ]);
    expect(await scoreOf(tenantA, withPhone.id)).toBe(33);
    // 15 (email) + round(25 × 10 / 100) = 18.
    expect(await scoreOf(tenantA, withoutPhone.id)).toBe(18);
  });

  // A trigger refusing one lead's write: PostgreSQL only.
  if (process.env.TEST_DB_DRIVER === 'postgres') {
    it('takes each request alone when their batch fails, and fails only the one whose write was refused', async () => {
      const leads = [await createLead(tenantA, 'batch-1@example.com'), await createLead(tenantA, 'batch-2@example.com'), await createLead(tenantA, 'batch-3@example.com')];
      const refused = leads[1];
      const client = new Client({ connectionString: db.adminUrl });
      await client.connect();
      await client.query(`CREATE FUNCTION test_refuse_score() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
      await client.query(`CREATE TRIGGER test_refuse_score BEFORE UPDATE OF score ON leads FOR EACH ROW WHEN (OLD.id = '${refused.id}') EXECUTE FUNCTION test_refuse_score()`);
      try {
        const now = new Date(leads[2].lastActivityAt);
        const outcomes = await Promise.allSettled([
          commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [newId()] }, now)),
          ...leads.map((lead) => commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { leadIds: [lead.id] }, now))),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('refused by the test');
        expect(await Promise.all(leads.map((lead) => scoreOf(tenantA, lead.id)))).toEqual([33, 0, 33]);
      } finally {
        await client.query('DROP TRIGGER test_refuse_score ON leads');
        await client.query('DROP FUNCTION test_refuse_score()');
        await client.end();
      }
    });
  }

  it('rescores a whole tenant in batches, and only its own leads', async () => {
    const other = await createLead(tenantB, 'other@example.com');
    let afterId: string | null = null;
    let batches = 0;
    do {
      ({ lastId: afterId } = await commands.execute(new RecomputeLeadScoresCommand(contextOf(tenantA), { afterId })));
      batches += 1;
    } while (afterId !== null);
    expect(batches).toBe(1);
    expect(await scoreOf(tenantB, other.id)).toBe(0);
  });

  it('queues one rescore a day for every tenant that has leads', async () => {
    await createLead(tenantB, 'daily@example.com');
    const queue = app.get<QueueDriver>(QUEUE_DRIVER);
    const seen: QueueJob[] = [];
    expect(await commands.execute(new RescoreAllTenantsCommand('2026-11-27', newId()))).toBe(2);
    expect(await commands.execute(new RescoreAllTenantsCommand('2026-11-27', newId()))).toBe(2);
    queue.work(QUEUES.CRM, async (job) => void seen.push(job), 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.map((job) => [job.name, job.data.tenantId]).sort()).toEqual(
      [
        [JOBS.TENANT_RESCORE, tenantA],
        [JOBS.TENANT_RESCORE, tenantB],
      ].sort(),
    );
  });
});
