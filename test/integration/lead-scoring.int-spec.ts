import { INestApplicationContext } from '@nestjs/common';
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
