import { randomUUID } from 'node:crypto';
import { json } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';
const PRINCIPALS = ['owner', 'admin', 'manager', 'agent', 'viewer', 'apiKeyAdmin', 'apiKeyViewer', 'platformAdmin'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
const USERS: PrincipalName[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];
const ADMINS: PrincipalName[] = ['owner', 'admin', 'apiKeyAdmin'];
/** Everyone with a role in the tenant: the users and both API keys (the viewer key reads like a viewer). */
const READERS: PrincipalName[] = [...USERS, 'apiKeyAdmin', 'apiKeyViewer'];
/** Sales work (contacts, pipelines, leads, scoring): manager and above. */
const MANAGERS: PrincipalName[] = ['owner', 'admin', 'manager', 'apiKeyAdmin'];
/** Leads an agent may change: those unassigned or assigned to them (the matrix uses unassigned ones). */
const LEAD_WORKERS: PrincipalName[] = [...MANAGERS, 'agent'];

const STAGES = [
  { name: 'Lead', probability: 10, kind: 'open' },
  { name: 'Demo', probability: 50, kind: 'open' },
  { name: 'Signed', probability: 100, kind: 'won' },
  { name: 'Dropped', probability: 0, kind: 'lost' },
];

interface Fixture {
  call(method: string, path: string, credential: string, body?: unknown): Promise<Response>;
  tenantId: string;
  /** A fresh viewer of the tenant, for routes that change or remove a member. */
  freshMember(): Promise<string>;
  /** A fresh API key of the tenant, for the revocation route. */
  freshKey(): Promise<string>;
  /** A tenant nobody else uses, for suspend/resume. */
  sacrificialTenant(): Promise<string>;
  /** The agent's user id (the agent claims leads, tasks are assigned to the agent). */
  agentId: string;
  /** A contact, a lead and the default pipeline that read routes share; an open stage of that pipeline. */
  contactId: string;
  leadId: string;
  pipelineId: string;
  openStageId: string;
  /** A fresh contact, for routes that change, delete or merge it. */
  freshContact(): Promise<string>;
  /** A fresh unassigned open lead in the default pipeline, for routes that move, assign, win or lose it. */
  freshLead(): Promise<string>;
  /** A fresh pipeline with open, open, won and lost stages, for routes that change its stages. */
  freshPipeline(): Promise<{ id: string; stageIds: string[] }>;
  /** A fresh open task assigned to the agent (so the agent may change it too). */
  freshTask(): Promise<string>;
  /** A job of the tenant (a lead import). */
  jobId: string;
  /** Catalogue records read routes share: a sedan model of a brand, a category with an option, priced (so a quote succeeds). */
  catalog: { brandId: string; modelId: string; bodyTypeId: string; categoryId: string; optionId: string };
  /** Fresh catalogue records, for routes that change or delete them (each returns its id). */
  freshBrand(): Promise<string>;
  freshModel(): Promise<string>;
  freshBodyType(): Promise<string>;
  freshCategory(): Promise<string>;
  freshOption(): Promise<string>;
  /** An active FAQ read routes share, and fresh ones for routes that change or delete them. */
  faqId: string;
  freshFaq(): Promise<string>;
  /** A web channel read routes share, and fresh ones for routes that change or remove them. */
  channelId: string;
  freshChannel(): Promise<string>;
  /** A conversation read routes share, and fresh unassigned ones (so the agent may change and answer them) for the others. */
  conversationId: string;
  freshConversation(): Promise<string>;
}

interface Rule {
  route: string;
  allowed: PrincipalName[];
  request(fixture: Fixture): Promise<{ path: string; body?: unknown }>;
}

/**
 * The role × route matrix as data (the spec's role table applied to every authenticated route).
 * For each rule and each principal a paired case runs: allowed principals must get 2xx, the others
 * 403. A route in /docs-json without a rule fails the suite.
 */
const MATRIX: Rule[] = [
  { route: 'GET /api/v1/me', allowed: USERS, request: async () => ({ path: '/api/v1/me' }) },
  { route: 'POST /api/v1/auth/switch-tenant', allowed: USERS, request: async (f) => ({ path: '/api/v1/auth/switch-tenant', body: { tenantId: f.tenantId } }) },
  { route: 'GET /api/v1/tenant', allowed: [...USERS, 'apiKeyAdmin', 'apiKeyViewer'], request: async () => ({ path: '/api/v1/tenant' }) },
  { route: 'PATCH /api/v1/tenant', allowed: ADMINS, request: async () => ({ path: '/api/v1/tenant', body: {} }) },
  { route: 'GET /api/v1/members', allowed: ADMINS, request: async () => ({ path: '/api/v1/members' }) },
  { route: 'PATCH /api/v1/members/{userId}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/members/${await f.freshMember()}`, body: { status: 'active' } }) },
  { route: 'DELETE /api/v1/members/{userId}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/members/${await f.freshMember()}` }) },
  { route: 'POST /api/v1/invitations', allowed: ADMINS, request: async () => ({ path: '/api/v1/invitations', body: { email: `${randomUUID()}@matrix.example`, role: 'viewer' } }) },
  { route: 'POST /api/v1/api-keys', allowed: ADMINS, request: async () => ({ path: '/api/v1/api-keys', body: { name: 'matrix', role: 'viewer' } }) },
  { route: 'GET /api/v1/api-keys', allowed: ADMINS, request: async () => ({ path: '/api/v1/api-keys' }) },
  { route: 'DELETE /api/v1/api-keys/{id}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/api-keys/${await f.freshKey()}` }) },
  { route: 'GET /api/v1/audit-logs', allowed: ADMINS, request: async () => ({ path: '/api/v1/audit-logs' }) },
  { route: 'GET /api/v1/audit-logs/verify', allowed: ADMINS, request: async () => ({ path: '/api/v1/audit-logs/verify' }) },
  { route: 'GET /api/v1/admin/tenants', allowed: ['platformAdmin'], request: async () => ({ path: '/api/v1/admin/tenants' }) },
  { route: 'POST /api/v1/admin/tenants/{id}/suspend', allowed: ['platformAdmin'], request: async (f) => ({ path: `/api/v1/admin/tenants/${await f.sacrificialTenant()}/suspend` }) },
  { route: 'POST /api/v1/admin/tenants/{id}/resume', allowed: ['platformAdmin'], request: async (f) => ({ path: `/api/v1/admin/tenants/${await f.sacrificialTenant()}/resume` }) },
  { route: 'GET /api/v1/contacts', allowed: READERS, request: async () => ({ path: '/api/v1/contacts' }) },
  { route: 'POST /api/v1/contacts', allowed: MANAGERS, request: async () => ({ path: '/api/v1/contacts', body: { name: 'Matrix Contact', email: `${randomUUID()}@contact.example` } }) },
  { route: 'GET /api/v1/contacts/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/contacts/${f.contactId}` }) },
  { route: 'PATCH /api/v1/contacts/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/contacts/${await f.freshContact()}`, body: { name: 'Renamed' } }) },
  { route: 'DELETE /api/v1/contacts/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/contacts/${await f.freshContact()}` }) },
  { route: 'GET /api/v1/contacts/{id}/duplicates', allowed: READERS, request: async (f) => ({ path: `/api/v1/contacts/${f.contactId}/duplicates` }) },
  {
    route: 'POST /api/v1/contacts/{id}/merge',
    allowed: MANAGERS,
    request: async (f) => ({ path: `/api/v1/contacts/${await f.freshContact()}/merge`, body: { sourceId: await f.freshContact() } }),
  },
  { route: 'GET /api/v1/pipelines', allowed: READERS, request: async () => ({ path: '/api/v1/pipelines' }) },
  { route: 'POST /api/v1/pipelines', allowed: MANAGERS, request: async () => ({ path: '/api/v1/pipelines', body: { name: 'Matrix pipeline', stages: STAGES } }) },
  { route: 'GET /api/v1/pipelines/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/pipelines/${f.pipelineId}` }) },
  { route: 'PATCH /api/v1/pipelines/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/pipelines/${(await f.freshPipeline()).id}`, body: { name: 'Renamed pipeline' } }) },
  {
    route: 'POST /api/v1/pipelines/{id}/stages',
    allowed: MANAGERS,
    request: async (f) => ({ path: `/api/v1/pipelines/${(await f.freshPipeline()).id}/stages`, body: { name: 'Negotiation', probability: 60, kind: 'open', position: 1 } }),
  },
  {
    route: 'PUT /api/v1/pipelines/{id}/stages/order',
    allowed: MANAGERS,
    request: async (f) => {
      const pipeline = await f.freshPipeline();
      return { path: `/api/v1/pipelines/${pipeline.id}/stages/order`, body: { stageIds: [...pipeline.stageIds].reverse() } };
    },
  },
  {
    route: 'PATCH /api/v1/pipelines/{id}/stages/{stageId}',
    allowed: MANAGERS,
    request: async (f) => {
      const pipeline = await f.freshPipeline();
      return { path: `/api/v1/pipelines/${pipeline.id}/stages/${pipeline.stageIds[0]}`, body: { name: 'Inbound' } };
    },
  },
  {
    route: 'DELETE /api/v1/pipelines/{id}/stages/{stageId}',
    allowed: MANAGERS,
    request: async (f) => {
      // The second open stage holds no leads, and the first stays open.
      const pipeline = await f.freshPipeline();
      return { path: `/api/v1/pipelines/${pipeline.id}/stages/${pipeline.stageIds[1]}` };
    },
  },
  { route: 'GET /api/v1/leads', allowed: READERS, request: async () => ({ path: '/api/v1/leads' }) },
  { route: 'POST /api/v1/leads', allowed: MANAGERS, request: async (f) => ({ path: '/api/v1/leads', body: { title: 'Matrix lead', contactId: f.contactId } }) },
  { route: 'GET /api/v1/leads/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/leads/${f.leadId}` }) },
  { route: 'PATCH /api/v1/leads/{id}', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/leads/${await f.freshLead()}`, body: { title: 'Retitled', valueMinor: 1000 } }) },
  { route: 'POST /api/v1/leads/{id}/stage', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/leads/${await f.freshLead()}/stage`, body: { stageId: f.openStageId } }) },
  // The agent claims the unassigned lead; everyone else allowed assigns it to the agent.
  { route: 'POST /api/v1/leads/{id}/assign', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/leads/${await f.freshLead()}/assign`, body: { assigneeId: f.agentId } }) },
  { route: 'POST /api/v1/leads/{id}/won', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/leads/${await f.freshLead()}/won` }) },
  { route: 'POST /api/v1/leads/{id}/lost', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/leads/${await f.freshLead()}/lost`, body: { reason: 'Went with a competitor' } }) },
  { route: 'GET /api/v1/leads/{id}/activities', allowed: READERS, request: async (f) => ({ path: `/api/v1/leads/${f.leadId}/activities` }) },
  {
    route: 'POST /api/v1/leads/{id}/activities',
    allowed: [...MANAGERS, 'agent'],
    request: async (f) => ({ path: `/api/v1/leads/${f.leadId}/activities`, body: { type: 'note', text: 'Matrix note' } }),
  },
  { route: 'GET /api/v1/tasks', allowed: READERS, request: async () => ({ path: '/api/v1/tasks' }) },
  // Without assigneeId the task is the caller's own (an agent creates only their own tasks).
  { route: 'POST /api/v1/tasks', allowed: [...MANAGERS, 'agent'], request: async (f) => ({ path: '/api/v1/tasks', body: { title: 'Matrix task', dueAt: new Date(Date.now() + 86_400_000).toISOString(), leadId: f.leadId } }) },
  { route: 'PATCH /api/v1/tasks/{id}', allowed: [...MANAGERS, 'agent'], request: async (f) => ({ path: `/api/v1/tasks/${await f.freshTask()}`, body: { title: 'Moved task' } }) },
  { route: 'POST /api/v1/tasks/{id}/complete', allowed: [...MANAGERS, 'agent'], request: async (f) => ({ path: `/api/v1/tasks/${await f.freshTask()}/complete` }) },
  { route: 'GET /api/v1/jobs/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/jobs/${f.jobId}` }) },
  // An import creates contacts and leads: manager and above. The export reads leads (masked for viewers): everyone.
  { route: 'POST /api/v1/imports/leads', allowed: MANAGERS, request: async () => ({ path: '/api/v1/imports/leads', body: csvUpload(`name,email,title\nMatrix Import,${randomUUID()}@import.example,Imported deal\n`) }) },
  { route: 'GET /api/v1/exports/leads.csv', allowed: READERS, request: async () => ({ path: '/api/v1/exports/leads.csv' }) },
  // Scoring rules are sales configuration: manager and above (ability.ts gives agents and viewers no ScoringRule rule).
  { route: 'GET /api/v1/scoring-rules', allowed: MANAGERS, request: async () => ({ path: '/api/v1/scoring-rules' }) },
  {
    route: 'PUT /api/v1/scoring-rules',
    allowed: MANAGERS,
    request: async () => ({ path: '/api/v1/scoring-rules', body: { signals: [{ type: 'has_email', weight: 20 }, { type: 'stage_probability', weight: 30 }] } }),
  },
  // The catalogue: everyone reads (and quotes); manager and above change it.
  { route: 'GET /api/v1/catalog/brands', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/brands' }) },
  { route: 'POST /api/v1/catalog/brands', allowed: MANAGERS, request: async () => ({ path: '/api/v1/catalog/brands', body: { name: `Matrix brand ${randomUUID()}` } }) },
  { route: 'GET /api/v1/catalog/brands/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/catalog/brands/${f.catalog.brandId}` }) },
  { route: 'PATCH /api/v1/catalog/brands/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/brands/${await f.freshBrand()}`, body: { aliases: ['Матрица'] } }) },
  { route: 'DELETE /api/v1/catalog/brands/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/brands/${await f.freshBrand()}` }) },
  { route: 'GET /api/v1/catalog/models', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/models' }) },
  {
    route: 'POST /api/v1/catalog/models',
    allowed: MANAGERS,
    request: async (f) => ({ path: '/api/v1/catalog/models', body: { brandId: f.catalog.brandId, name: `Matrix ${randomUUID()}`, bodyTypeId: f.catalog.bodyTypeId } }),
  },
  { route: 'GET /api/v1/catalog/models/search', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/models/search?q=matriks' }) },
  { route: 'GET /api/v1/catalog/models/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/catalog/models/${f.catalog.modelId}` }) },
  { route: 'PATCH /api/v1/catalog/models/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/models/${await f.freshModel()}`, body: { yearFrom: 2010 } }) },
  { route: 'DELETE /api/v1/catalog/models/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/models/${await f.freshModel()}` }) },
  { route: 'GET /api/v1/catalog/body-types', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/body-types' }) },
  { route: 'POST /api/v1/catalog/body-types', allowed: MANAGERS, request: async () => ({ path: '/api/v1/catalog/body-types', body: { name: `Matrix ${randomUUID()}` } }) },
  { route: 'GET /api/v1/catalog/body-types/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/catalog/body-types/${f.catalog.bodyTypeId}` }) },
  { route: 'PATCH /api/v1/catalog/body-types/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/body-types/${await f.freshBodyType()}`, body: { name: `Renamed ${randomUUID()}` } }) },
  { route: 'DELETE /api/v1/catalog/body-types/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/body-types/${await f.freshBodyType()}` }) },
  { route: 'GET /api/v1/catalog/categories', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/categories' }) },
  { route: 'POST /api/v1/catalog/categories', allowed: MANAGERS, request: async () => ({ path: '/api/v1/catalog/categories', body: { name: `Matrix ${randomUUID()}` } }) },
  { route: 'GET /api/v1/catalog/categories/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/catalog/categories/${f.catalog.categoryId}` }) },
  { route: 'PATCH /api/v1/catalog/categories/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/categories/${await f.freshCategory()}`, body: { active: false } }) },
  { route: 'DELETE /api/v1/catalog/categories/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/categories/${await f.freshCategory()}` }) },
  { route: 'GET /api/v1/catalog/options', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/options' }) },
  { route: 'POST /api/v1/catalog/options', allowed: MANAGERS, request: async (f) => ({ path: '/api/v1/catalog/options', body: { categoryId: f.catalog.categoryId, name: `Matrix ${randomUUID()}` } }) },
  { route: 'GET /api/v1/catalog/options/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/catalog/options/${f.catalog.optionId}` }) },
  { route: 'PATCH /api/v1/catalog/options/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/options/${await f.freshOption()}`, body: { description: 'Renamed' } }) },
  { route: 'DELETE /api/v1/catalog/options/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/catalog/options/${await f.freshOption()}` }) },
  { route: 'GET /api/v1/catalog/availability', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/availability' }) },
  {
    route: 'PUT /api/v1/catalog/availability',
    allowed: MANAGERS,
    request: async (f) => ({ path: '/api/v1/catalog/availability', body: { modelId: await f.freshModel(), categoryId: f.catalog.categoryId, available: false, note: 'Matrix' } }),
  },
  // Prices are append-only rows: each allowed call adds one to a fresh key.
  { route: 'GET /api/v1/catalog/base-prices', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/base-prices' }) },
  {
    route: 'POST /api/v1/catalog/base-prices',
    allowed: MANAGERS,
    request: async (f) => ({ path: '/api/v1/catalog/base-prices', body: { categoryId: await f.freshCategory(), bodyTypeId: f.catalog.bodyTypeId, amountMinor: 100, currency: 'EUR' } }),
  },
  { route: 'GET /api/v1/catalog/model-prices', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/model-prices' }) },
  {
    route: 'POST /api/v1/catalog/model-prices',
    allowed: MANAGERS,
    request: async (f) => ({ path: '/api/v1/catalog/model-prices', body: { modelId: await f.freshModel(), categoryId: f.catalog.categoryId, amountMinor: 100, currency: 'EUR' } }),
  },
  { route: 'GET /api/v1/catalog/option-prices', allowed: READERS, request: async () => ({ path: '/api/v1/catalog/option-prices' }) },
  { route: 'POST /api/v1/catalog/option-prices', allowed: MANAGERS, request: async (f) => ({ path: '/api/v1/catalog/option-prices', body: { optionId: await f.freshOption(), amountMinor: 100, currency: 'EUR' } }) },
  // A quote changes nothing: everyone who reads the catalogue may ask for one.
  { route: 'POST /api/v1/catalog/quotes', allowed: READERS, request: async (f) => ({ path: '/api/v1/catalog/quotes', body: { modelId: f.catalog.modelId, categoryId: f.catalog.categoryId, optionIds: [f.catalog.optionId] } }) },
  // Channels hold the platforms' credentials: owner and admin only (ability.ts gives no other role a Channel rule).
  { route: 'GET /api/v1/channels', allowed: ADMINS, request: async () => ({ path: '/api/v1/channels' }) },
  { route: 'POST /api/v1/channels', allowed: ADMINS, request: async () => ({ path: '/api/v1/channels', body: { type: 'web', name: 'Matrix widget', settings: { allowedOrigins: ['https://matrix.example'] } } }) },
  { route: 'GET /api/v1/channels/{id}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/channels/${f.channelId}` }) },
  { route: 'PATCH /api/v1/channels/{id}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/channels/${await f.freshChannel()}`, body: { name: 'Renamed widget' } }) },
  { route: 'DELETE /api/v1/channels/{id}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/channels/${await f.freshChannel()}` }) },
  // Conversations: everyone reads; manager and above change and answer any, an agent only unassigned ones (as here) and their own.
  { route: 'GET /api/v1/conversations', allowed: READERS, request: async () => ({ path: '/api/v1/conversations' }) },
  { route: 'GET /api/v1/conversations/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/conversations/${f.conversationId}` }) },
  { route: 'PATCH /api/v1/conversations/{id}', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/conversations/${await f.freshConversation()}`, body: { status: 'pending' } }) },
  { route: 'GET /api/v1/conversations/{id}/messages', allowed: READERS, request: async (f) => ({ path: `/api/v1/conversations/${f.conversationId}/messages` }) },
  { route: 'POST /api/v1/conversations/{id}/messages', allowed: LEAD_WORKERS, request: async (f) => ({ path: `/api/v1/conversations/${await f.freshConversation()}/messages`, body: { text: 'Matrix reply' } }) },
  // FAQs: everyone reads (and matches, as the bot does); manager and above change them.
  { route: 'GET /api/v1/faqs', allowed: READERS, request: async () => ({ path: '/api/v1/faqs' }) },
  { route: 'POST /api/v1/faqs', allowed: MANAGERS, request: async () => ({ path: '/api/v1/faqs', body: { question: `Matrix question ${randomUUID()}?`, answer: 'Matrix answer' } }) },
  { route: 'GET /api/v1/faqs/match', allowed: READERS, request: async () => ({ path: '/api/v1/faqs/match?q=matrix%20qestion' }) },
  { route: 'GET /api/v1/faqs/{id}', allowed: READERS, request: async (f) => ({ path: `/api/v1/faqs/${f.faqId}` }) },
  { route: 'PATCH /api/v1/faqs/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/faqs/${await f.freshFaq()}`, body: { status: 'archived' } }) },
  { route: 'DELETE /api/v1/faqs/{id}', allowed: MANAGERS, request: async (f) => ({ path: `/api/v1/faqs/${await f.freshFaq()}` }) },
  // Bot texts: everyone reads them (agents see what the bot says); manager and above change them.
  { route: 'GET /api/v1/bot-texts', allowed: READERS, request: async () => ({ path: '/api/v1/bot-texts' }) },
  { route: 'GET /api/v1/bot-texts/{key}/{locale}', allowed: READERS, request: async () => ({ path: '/api/v1/bot-texts/greeting/en' }) },
  { route: 'PUT /api/v1/bot-texts/{key}/{locale}', allowed: MANAGERS, request: async () => ({ path: '/api/v1/bot-texts/greeting/en', body: { text: 'Matrix greeting' } }) },
  // Bot settings: ability.ts gives agents no BotSettings rule, so everyone else reads them; manager and above change them.
  { route: 'GET /api/v1/bot-settings', allowed: [...MANAGERS, 'viewer', 'apiKeyViewer'], request: async () => ({ path: '/api/v1/bot-settings' }) },
  { route: 'PATCH /api/v1/bot-settings', allowed: MANAGERS, request: async () => ({ path: '/api/v1/bot-settings', body: { matchThreshold: 0.5 } }) },
  { route: 'POST /api/v1/imports/catalog', allowed: MANAGERS, request: async () => ({ path: '/api/v1/imports/catalog', body: catalogUpload('models', `brand,model,bodyType\nMatrix Import,${randomUUID()},sedan\n`) }) },
];

/** A multipart form with one CSV file, as POST /imports/leads takes it. */
function csvUpload(csv: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'leads.csv');
  return form;
}

/** A multipart form with the kind, then the CSV file, as POST /imports/catalog takes it. */
function catalogUpload(kind: 'models' | 'prices', csv: string): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'catalog.csv');
  return form;
}

describe('authorization matrix (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let db: TestDatabase;
  let base: string;
  const credentials = {} as Record<PrincipalName, string>;
  let fixture: Fixture;
  let documentedRoutes: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    // A FormData body goes as multipart (fetch sets its boundary); anything else as JSON.
    const call = (method: string, path: string, credential: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${credential}`, ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      });
    const post = <T>(path: string, body: unknown, credential?: string) =>
      json<T>(fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) }, body: JSON.stringify(body) }));
    const register = (slug: string) =>
      post<{ accessToken: string; tenant: { id: string } }>('/api/v1/auth/register', { tenantName: slug, tenantSlug: slug, email: `owner@${slug}.example`, password: PASSWORD, name: 'Owner' });
    const owner = await register('matrix-shop');
    credentials.owner = owner.accessToken;
    const join = async (role: string) => {
      const invitation = await post<{ token: string }>('/api/v1/invitations', { email: `${role}-${randomUUID()}@matrix.example`, role }, owner.accessToken);
      return post<{ accessToken: string; user: { id: string } }>('/api/v1/invitations/accept', { token: invitation.token, name: role, password: PASSWORD });
    };
    let agentId = '';
    for (const role of ['admin', 'manager', 'agent', 'viewer'] as const) {
      const member = await join(role);
      credentials[role] = member.accessToken;
      if (role === 'agent') agentId = member.user.id;
    }
    credentials.apiKeyAdmin = (await post<{ key: string }>('/api/v1/api-keys', { name: 'admin key', role: 'admin' }, owner.accessToken)).key;
    credentials.apiKeyViewer = (await post<{ key: string }>('/api/v1/api-keys', { name: 'viewer key', role: 'viewer' }, owner.accessToken)).key;
    const cli = startProcess({ entry: { dist: 'apps/cli/src/main.js' }, env: db.env, args: ['admin:create', '--email', 'root@matrix.example', '--password', PASSWORD] });
    expect(await cli.exited).toBe(0);
    credentials.platformAdmin = (await post<{ accessToken: string }>('/api/v1/auth/login', { email: 'root@matrix.example', password: PASSWORD })).accessToken;
    const freshContact = async () => (await post<{ id: string }>('/api/v1/contacts', { name: 'Fresh Contact', email: `${randomUUID()}@contact.example` }, owner.accessToken)).id;
    const contactId = await freshContact();
    const freshLead = async () => (await post<{ id: string }>('/api/v1/leads', { title: 'Fresh lead', contactId }, owner.accessToken)).id;
    const pipelines = await json<{ data: { id: string; isDefault: boolean; stages: { id: string; name: string }[] }[] }>(call('GET', '/api/v1/pipelines', owner.accessToken));
    const sales = pipelines.data.find((pipeline) => pipeline.isDefault);
    if (sales === undefined) throw new Error('registration gave the tenant no default pipeline');
    const bodyTypes = await json<{ data: { id: string; name: string }[] }>(call('GET', '/api/v1/catalog/body-types', owner.accessToken));
    const sedan = bodyTypes.data.find((bodyType) => bodyType.name === 'sedan');
    if (sedan === undefined) throw new Error('registration gave the tenant no default body types');
    const freshBrand = async () => (await post<{ id: string }>('/api/v1/catalog/brands', { name: `Fresh brand ${randomUUID()}` }, owner.accessToken)).id;
    const catalogBrandId = await freshBrand();
    const freshModel = async () => (await post<{ id: string }>('/api/v1/catalog/models', { brandId: catalogBrandId, name: `Fresh ${randomUUID()}`, bodyTypeId: sedan.id }, owner.accessToken)).id;
    const freshCategory = async () => (await post<{ id: string }>('/api/v1/catalog/categories', { name: `Fresh ${randomUUID()}` }, owner.accessToken)).id;
    const catalogCategoryId = await freshCategory();
    const freshOption = async () => (await post<{ id: string }>('/api/v1/catalog/options', { categoryId: catalogCategoryId, name: `Fresh ${randomUUID()}` }, owner.accessToken)).id;
    const catalogOptionId = await freshOption();
    await post('/api/v1/catalog/base-prices', { categoryId: catalogCategoryId, bodyTypeId: sedan.id, amountMinor: 450000, currency: 'RUB', validFrom: '2020-01-01' }, owner.accessToken);
    await post('/api/v1/catalog/option-prices', { optionId: catalogOptionId, amountMinor: 50000, currency: 'RUB', validFrom: '2020-01-01' }, owner.accessToken);
    const freshFaq = async () => (await post<{ id: string }>('/api/v1/faqs', { question: `Fresh question ${randomUUID()}?`, answer: 'Fresh answer' }, owner.accessToken)).id;
    const widgetBody = { type: 'web', name: 'Fresh widget', settings: { allowedOrigins: ['https://matrix.example'] } };
    const freshChannel = async () => (await post<{ id: string }>('/api/v1/channels', widgetBody, owner.accessToken)).id;
    const widget = await post<{ publicKey: string }>('/api/v1/channels', widgetBody, owner.accessToken);
    // A visitor writes in the widget (a public route): a new unassigned conversation, found by the visitor's unique name.
    const freshConversation = async () => {
      const name = `Visitor ${randomUUID()}`;
      await post(`/api/v1/widget/${widget.publicKey}/messages`, { visitorId: `v_${randomUUID().replace(/-/g, '')}`, text: 'Matrix question', name });
      const [conversation] = (await json<{ data: { id: string }[] }>(call('GET', `/api/v1/conversations?q=${encodeURIComponent(name)}`, owner.accessToken))).data;
      if (conversation === undefined) throw new Error('a widget message opened no conversation');
      return conversation.id;
    };
    fixture = {
      call,
      tenantId: owner.tenant.id,
      freshMember: async () => (await join('viewer')).user.id,
      freshKey: async () => (await post<{ id: string }>('/api/v1/api-keys', { name: 'doomed', role: 'viewer' }, owner.accessToken)).id,
      sacrificialTenant: async () => (await register(`gone-${randomUUID().slice(0, 8)}`)).tenant.id,
      agentId,
      contactId,
      leadId: await freshLead(),
      pipelineId: sales.id,
      openStageId: sales.stages[1].id,
      freshContact,
      freshLead,
      freshPipeline: async () => {
        const pipeline = await post<{ id: string; stages: { id: string }[] }>('/api/v1/pipelines', { name: 'Fresh pipeline', stages: STAGES }, owner.accessToken);
        return { id: pipeline.id, stageIds: pipeline.stages.map((stage) => stage.id) };
      },
      freshTask: async () =>
        (await post<{ id: string }>('/api/v1/tasks', { title: 'Fresh task', dueAt: new Date(Date.now() + 86_400_000).toISOString(), assigneeId: agentId }, owner.accessToken)).id,
      jobId: (await json<{ jobId: string }>(call('POST', '/api/v1/imports/leads', owner.accessToken, csvUpload(`name,email,title\nJob Import,${randomUUID()}@import.example,Job deal\n`)))).jobId,
      catalog: { brandId: catalogBrandId, modelId: await freshModel(), bodyTypeId: sedan.id, categoryId: catalogCategoryId, optionId: catalogOptionId },
      freshBrand,
      freshModel,
      freshBodyType: async () => (await post<{ id: string }>('/api/v1/catalog/body-types', { name: `Fresh ${randomUUID()}` }, owner.accessToken)).id,
      freshCategory,
      freshOption,
      faqId: await freshFaq(),
      freshFaq,
      channelId: await freshChannel(),
      freshChannel,
      conversationId: await freshConversation(),
      freshConversation,
    };
    const document = await json<{ paths: Record<string, Record<string, unknown>> }>(fetch(`${base}/docs-json`));
    // The widget is public: the channel's public key and allowed origins guard it (webhooks.e2e-spec.ts). The platforms' webhooks are not documented.
    const widgetRoutes = ['POST /api/v1/widget/{publicKey}/messages', 'GET /api/v1/widget/{publicKey}/messages'];
    const publicRoutes = new Set(['POST /api/v1/auth/register', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout', 'POST /api/v1/invitations/accept', ...widgetRoutes]);
    documentedRoutes = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !publicRoutes.has(route));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('has a rule for every authenticated route in /docs-json', () => {
    expect(documentedRoutes.filter((route) => !MATRIX.some((rule) => rule.route === route))).toEqual([]);
  });

  describe.each(MATRIX)('$route', (rule) => {
    const [method] = rule.route.split(' ');
    it.each(PRINCIPALS.map((principal) => [rule.allowed.includes(principal) ? `successful-${principal}` : `failing-${principal}`, principal] as const))('%s', async (_name, principal) => {
      const { path, body } = await rule.request(fixture);
      const response = await fixture.call(method, path, credentials[principal], body);
      const outcome = response.status >= 200 && response.status < 300 ? 'success' : response.status;
      expect({ principal, outcome }).toEqual({ principal, outcome: rule.allowed.includes(principal) ? 'success' : 403 });
    });
  });
});
