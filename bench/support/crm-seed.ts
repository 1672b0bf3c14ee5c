import { Client } from 'pg';
import { v7 } from 'uuid';

export interface SeedStage {
  id: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
}

export interface LeadSeedPlan {
  /** Owner/superuser URL of the scenario's database (row-level security does not apply to it). */
  ownerUrl: string;
  tenantId: string;
  pipelineId: string;
  stages: SeedStage[];
  /** A member to assign some leads to (the tenant owner). */
  assigneeId: string;
  leads: number;
}

export interface SeedOutcome {
  contacts: number;
  leads: number;
  leadTags: number;
  insertMs: number;
  analyzeMs: number;
}

/** Tags and the share of leads that carry each (independently); `vip` is the one the filter step uses. */
export const SEED_TAGS: [string, number][] = [
  ['web', 0.25],
  ['referral', 0.2],
  ['fleet', 0.15],
  ['cold', 0.12],
  ['vip', 0.1],
  ['q4', 0.1],
  ['upsell', 0.08],
  ['hot', 0.08],
  ['event', 0.06],
  ['partner', 0.05],
];

/** Share of leads per default stage name; stages not listed (a renamed pipeline) get none. */
const STAGE_SHARES: Record<string, number> = { New: 0.25, Contacted: 0.2, Qualified: 0.15, Proposal: 0.1, Won: 0.15, Lost: 0.15 };
const SOURCES: [string, number][] = [
  ['manual', 0.3],
  ['import', 0.15],
  ['web', 0.25],
  ['telegram', 0.08],
  ['messenger', 0.08],
  ['whatsapp', 0.08],
  ['line', 0.03],
  ['api', 0.03],
];
const CURRENCIES = ['USD', 'EUR', 'GBP'];
const LOST_REASONS = ['price', 'timing', 'competitor', 'no response'];
const YEAR_MS = 365 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
const BATCH = 5_000;
const PARALLEL = 2;

/** mulberry32: the same data on every run, so runs compare. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(next: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

interface Columns {
  contacts: { id: string[]; name: string[]; email: string[]; phone: (string | null)[]; locale: (string | null)[]; createdAt: string[] };
  leads: {
    id: string[];
    contactId: string[];
    title: string[];
    valueMinor: number[];
    currency: string[];
    source: string[];
    stageId: string[];
    status: string[];
    lostReason: (string | null)[];
    score: number[];
    assigneeId: (string | null)[];
    tags: string[];
    expectedCloseDate: (string | null)[];
    lastActivityAt: string[];
    inboundMessages: number[];
    quoteRequestedAt: (string | null)[];
    createdAt: string[];
    updatedAt: string[];
  };
  leadTags: { id: string[]; tag: string[]; leadId: string[] };
}

/** Rows [from, to) of the seed, in created_at order (as a live tenant's table fills up). Timestamps have millisecond precision, like the api's. */
function buildBatch(plan: LeadSeedPlan, createdAt: number[], from: number, to: number, now: number): Columns {
  const next = random(from + 1);
  const stageWeights: [SeedStage, number][] = plan.stages.map((stage) => [stage, STAGE_SHARES[stage.name] ?? 0]);
  const columns: Columns = {
    contacts: { id: [], name: [], email: [], phone: [], locale: [], createdAt: [] },
    leads: {
      id: [],
      contactId: [],
      title: [],
      valueMinor: [],
      currency: [],
      source: [],
      stageId: [],
      status: [],
      lostReason: [],
      score: [],
      assigneeId: [],
      tags: [],
      expectedCloseDate: [],
      lastActivityAt: [],
      inboundMessages: [],
      quoteRequestedAt: [],
      createdAt: [],
      updatedAt: [],
    },
    leadTags: { id: [], tag: [], leadId: [] },
  };
  for (let i = from; i < to; i++) {
    const created = createdAt[i];
    const createdIso = new Date(created).toISOString();
    const contactId = v7({ msecs: created });
    const leadId = v7({ msecs: created });
    const c = columns.contacts;
    c.id.push(contactId);
    c.name.push(`Seed Contact ${i}`);
    c.email.push(`seed-${i}@seed.example.com`);
    // +1 415 2xx-xxxx: valid US numbers, distinct per contact.
    c.phone.push(next() < 0.7 ? `+1415${2_000_000 + i}` : null);
    c.locale.push(next() < 0.5 ? 'en' : null);
    c.createdAt.push(createdIso);

    const stage = pick(next, stageWeights);
    const tags = SEED_TAGS.filter(([, share]) => next() < share).map(([tag]) => tag);
    const lastActivity = Math.floor(created + next() * (now - created) * 0.5);
    const l = columns.leads;
    l.id.push(leadId);
    l.contactId.push(contactId);
    l.title.push(`Seed lead ${i}`);
    l.valueMinor.push(Math.floor(next() * 5_000_000));
    l.currency.push(CURRENCIES[Math.floor(next() * CURRENCIES.length)]);
    l.source.push(pick(next, SOURCES));
    l.stageId.push(stage.id);
    l.status.push(stage.kind);
    l.lostReason.push(stage.kind === 'lost' ? LOST_REASONS[Math.floor(next() * LOST_REASONS.length)] : null);
    l.score.push(Math.floor(next() * 101));
    l.assigneeId.push(next() < 0.3 ? plan.assigneeId : null);
    l.tags.push(JSON.stringify(tags));
    l.expectedCloseDate.push(next() < 0.4 ? new Date(created + (30 + Math.floor(next() * 60)) * DAY_MS).toISOString().slice(0, 10) : null);
    l.lastActivityAt.push(new Date(lastActivity).toISOString());
    l.inboundMessages.push(Math.floor(next() * 20));
    l.quoteRequestedAt.push(next() < 0.1 ? new Date(lastActivity).toISOString() : null);
    l.createdAt.push(createdIso);
    l.updatedAt.push(new Date(lastActivity).toISOString());
    for (const tag of tags) {
      columns.leadTags.id.push(v7({ msecs: created }));
      columns.leadTags.tag.push(tag);
      columns.leadTags.leadId.push(leadId);
    }
  }
  return columns;
}

async function insertBatch(client: Client, plan: LeadSeedPlan, rows: Columns): Promise<void> {
  const { contacts: c, leads: l, leadTags: t } = rows;
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO contacts (tenant_id, id, name, email, phone, locale, attributes, merged_into_id, version, created_at, updated_at, deleted_at)
       SELECT $1::uuid, r.id, r.name, r.email, r.phone, r.locale, '{}'::jsonb, NULL, 1, r.created_at, r.created_at, NULL
       FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::timestamptz[]) AS r(id, name, email, phone, locale, created_at)`,
      [plan.tenantId, c.id, c.name, c.email, c.phone, c.locale, c.createdAt],
    );
    await client.query(
      `INSERT INTO leads (tenant_id, id, contact_id, title, value_minor, currency, source, pipeline_id, stage_id, status, lost_reason, score, assignee_id, tags,
                          expected_close_date, last_activity_at, inbound_messages, quote_requested_at, version, created_at, updated_at)
       SELECT $1::uuid, r.id, r.contact_id, r.title, r.value_minor, r.currency, r.source, $2::uuid, r.stage_id, r.status, r.lost_reason, r.score, r.assignee_id, r.tags,
              r.expected_close_date, r.last_activity_at, r.inbound_messages, r.quote_requested_at, 1, r.created_at, r.updated_at
       FROM unnest($3::uuid[], $4::uuid[], $5::varchar[], $6::bigint[], $7::varchar[], $8::varchar[], $9::uuid[], $10::varchar[], $11::varchar[], $12::int[], $13::uuid[],
                   $14::jsonb[], $15::date[], $16::timestamptz[], $17::int[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[])
         AS r(id, contact_id, title, value_minor, currency, source, stage_id, status, lost_reason, score, assignee_id, tags,
              expected_close_date, last_activity_at, inbound_messages, quote_requested_at, created_at, updated_at)`,
      [
        plan.tenantId,
        plan.pipelineId,
        l.id,
        l.contactId,
        l.title,
        l.valueMinor,
        l.currency,
        l.source,
        l.stageId,
        l.status,
        l.lostReason,
        l.score,
        l.assigneeId,
        l.tags,
        l.expectedCloseDate,
        l.lastActivityAt,
        l.inboundMessages,
        l.quoteRequestedAt,
        l.createdAt,
        l.updatedAt,
      ],
    );
    if (t.id.length > 0) {
      await client.query(
        `INSERT INTO lead_tags (tenant_id, id, tag, lead_id) SELECT $1::uuid, r.id, r.tag, r.lead_id FROM unnest($2::uuid[], $3::varchar[], $4::uuid[]) AS r(id, tag, lead_id)`,
        [plan.tenantId, t.id, t.tag, t.leadId],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Writes `plan.leads` contacts, leads and lead_tags rows straight into PostgreSQL as the database
 * owner (multi-row INSERT … SELECT FROM unnest, 5,000 rows a statement, two connections), then
 * ANALYZEs the three tables. created_at is spread over the past year; ids are UUIDv7 of that instant.
 */
export async function seedLeads(plan: LeadSeedPlan): Promise<SeedOutcome> {
  const now = Date.now();
  const next = random(42);
  const createdAt = Array.from({ length: plan.leads }, () => now - DAY_MS - Math.floor(next() * (YEAR_MS - DAY_MS))).sort((a, b) => a - b);
  const batches: [number, number][] = [];
  for (let from = 0; from < plan.leads; from += BATCH) batches.push([from, Math.min(plan.leads, from + BATCH)]);
  let leadTags = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      const client = new Client({ connectionString: plan.ownerUrl });
      await client.connect();
      try {
        for (let batch = batches.shift(); batch !== undefined; batch = batches.shift()) {
          const rows = buildBatch(plan, createdAt, batch[0], batch[1], now);
          leadTags += rows.leadTags.id.length;
          await insertBatch(client, plan, rows);
        }
      } finally {
        await client.end();
      }
    }),
  );
  const insertMs = Date.now() - started;
  const client = new Client({ connectionString: plan.ownerUrl });
  await client.connect();
  try {
    await client.query('ANALYZE contacts, leads, lead_tags');
  } finally {
    await client.end();
  }
  return { contacts: plan.leads, leads: plan.leads, leadTags, insertMs, analyzeMs: Date.now() - started - insertMs };
}
