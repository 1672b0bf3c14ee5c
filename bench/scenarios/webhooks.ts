import { Client } from 'pg';
import { PlatformStub } from '../../test/support/platform-stub';
import { ApiSession } from '../support/api-session';
import { drive, LOAD, ScenarioFixture, ScenarioReport, StepResult } from '../support/load';
import { logEntries, summarise } from '../support/logs';
import { Stack } from '../support/stack';

/** Customers whose conversations are opened before the load: most updates of the load come from them. */
const CHATS = Number(process.env.BENCH_WEBHOOKS_CHATS ?? 2_000);
/** One update in NEW_EVERY of the load comes from a new customer (a new contact, lead, conversation and greeting). */
const NEW_EVERY = Number(process.env.BENCH_WEBHOOKS_NEW_EVERY ?? 20);
/** How long to wait for the bot to answer a backlog (after opening the conversations, and after the load). */
const DRAIN_TIMEOUT_SECONDS = Number(process.env.BENCH_WEBHOOKS_DRAIN_TIMEOUT ?? 300);
/** Webhook POSTs in flight while the conversations are opened. */
const OPEN_CONCURRENCY = 16;
/** A drain is given up once no answer has been stored for this long. */
const STALL_MS = 60_000;
const SAMPLE_MS = 1_000;
/** The best sustained rate is taken over windows of this many samples. */
const PEAK_WINDOW = 5;
const FIRST_CHAT = 100_000;
const BOT_TOKEN = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const SECRET_TOKEN = 'bench-telegram-webhook-secret';
const QUESTION = 'What is the delivery time?';
const FAQS = [
  { question: QUESTION, answer: 'Two to three working days.' },
  { question: 'Do you ship abroad?', answer: 'Yes, to every country of the EU.' },
  { question: 'How can I pay?', answer: 'By card or by bank transfer.' },
  { question: 'Can I return the mats?', answer: 'Within 14 days, unused, in their box.' },
];

const log = (line: string) => process.stdout.write(`  ${line}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round(count / (ms / 1000)) : null);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An integer hash, so the chats of consecutive updates are spread like real customers' rather than cycled. */
function scatter(n: number): number {
  let x = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A Telegram text update: the update id is also the message id, both unique over the run. */
function update(updateId: number, chat: number): unknown {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat, type: 'private', first_name: `Customer ${chat}` },
      from: { id: chat, is_bot: false, first_name: `Customer ${chat}`, language_code: 'en' },
      text: QUESTION,
    },
  };
}

/** Update n (from 0) of the load, after the CHATS opening updates: from a known customer, or every NEW_EVERY-th from a new one. */
function loadUpdate(n: number): unknown {
  const updateId = CHATS + n + 1;
  return update(updateId, n % NEW_EVERY === NEW_EVERY - 1 ? FIRST_CHAT + updateId : FIRST_CHAT + (scatter(n) % CHATS));
}

interface Counts {
  at: number;
  /** Customer messages stored by the webhook. */
  inbound: number;
  /** Customer messages the bot has answered (a reply stored). */
  answered: number;
  /** Bot messages stored: an answer each, plus a greeting on each new conversation. */
  replies: number;
  faqAnswers: number;
  /** Bot messages the stub has taken (Telegram sendMessage answered ok). */
  delivered: number;
  failed: number;
  conversations: number;
}

/** The tenant's messages and conversations, read as the database owner (no RLS, not through the api under test). */
async function count(client: Client, tenantId: string): Promise<Counts> {
  const { rows } = await client.query<Record<Exclude<keyof Counts, 'at'>, string>>(
    `SELECT count(*) FILTER (WHERE direction = 'inbound') AS inbound,
            count(DISTINCT reply_to_id) FILTER (WHERE sender_type = 'bot') AS answered,
            count(*) FILTER (WHERE sender_type = 'bot') AS replies,
            count(*) FILTER (WHERE sender_type = 'bot' AND from_faq) AS "faqAnswers",
            count(*) FILTER (WHERE sender_type = 'bot' AND delivery_status = 'sent') AS delivered,
            count(*) FILTER (WHERE sender_type = 'bot' AND delivery_status = 'failed') AS failed,
            (SELECT count(*) FROM conversations WHERE tenant_id = $1) AS conversations
     FROM messages WHERE tenant_id = $1`,
    [tenantId],
  );
  const row = rows[0];
  return {
    at: Date.now(),
    inbound: Number(row.inbound),
    answered: Number(row.answered),
    replies: Number(row.replies),
    faqAnswers: Number(row.faqAnswers),
    delivered: Number(row.delivered),
    failed: Number(row.failed),
    conversations: Number(row.conversations),
  };
}

/** Inbound → bot answer stored (the answer's latency_ms; a new conversation's greeting is stored with it), over the customer messages stored since `since`. */
async function replyLatency(client: Client, tenantId: string, since: Date): Promise<{ p50: number | null; p99: number | null; max: number | null }> {
  const { rows } = await client.query<{ p50: number | null; p99: number | null; max: number | null }>(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY latency) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY latency) AS p99, max(latency) AS max
     FROM (SELECT max(reply.latency_ms) AS latency
           FROM messages reply JOIN messages question ON question.tenant_id = reply.tenant_id AND question.id = reply.reply_to_id
           WHERE reply.tenant_id = $1 AND reply.sender_type = 'bot' AND question.created_at >= $2
           GROUP BY reply.reply_to_id) answers`,
    [tenantId, since],
  );
  return rows[0];
}

/** Customer messages the bot answered more than once (from the FAQ), and conversations it greeted more than once. */
async function duplicateReplies(client: Client, tenantId: string): Promise<{ answers: number; greetings: number }> {
  const { rows } = await client.query<{ answers: string; greetings: string }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM messages WHERE tenant_id = $1 AND sender_type = 'bot' AND from_faq GROUP BY reply_to_id HAVING count(*) > 1) twice) AS answers,
            (SELECT count(*) FROM (SELECT 1 FROM messages WHERE tenant_id = $1 AND sender_type = 'bot' AND motion = 'wave' GROUP BY conversation_id HAVING count(*) > 1) twice) AS greetings`,
    [tenantId],
  );
  return { answers: Number(rows[0].answers), greetings: Number(rows[0].greetings) };
}

/** The highest answered/s over PEAK_WINDOW consecutive sample intervals. */
function peakRate(samples: Counts[]): number | null {
  let best: number | null = null;
  for (let i = PEAK_WINDOW; i < samples.length; i++) {
    const rate = perSecond(samples[i].answered - samples[i - PEAK_WINDOW].answered, samples[i].at - samples[i - PEAK_WINDOW].at);
    if (rate !== null && (best === null || rate > best)) best = rate;
  }
  return best;
}

/** Work the worker has to finish: `done` grows as it goes, up to `total`. */
type Backlog = (counts: Counts) => { done: number; total: number };
const answers: Backlog = (c) => ({ done: c.answered, total: c.inbound });
const deliveries: Backlog = (c) => ({ done: c.delivered + c.failed, total: c.replies });
const answersAndDeliveries: Backlog = (c) => ({ done: c.answered + c.delivered + c.failed, total: c.inbound + c.replies });

/** Samples until the backlog is done, the timeout passes or the worker stalls; `left` is what remains (0 when drained), `ms` the time to the last progress. */
async function drain(counts: () => Promise<Counts>, from: Counts, backlog: Backlog, samples: Counts[]): Promise<{ last: Counts; left: number; ms: number }> {
  const deadline = from.at + DRAIN_TIMEOUT_SECONDS * 1000;
  let last = from;
  let progressAt = from.at;
  const left = (c: Counts) => backlog(c).total - backlog(c).done;
  while (left(last) > 0 && last.at < deadline && last.at - progressAt < STALL_MS) {
    await sleep(SAMPLE_MS);
    const next = await counts();
    if (backlog(next).done > backlog(last).done) progressAt = next.at;
    samples.push(next);
    last = next;
  }
  return { last, left: left(last), ms: (left(last) === 0 ? progressAt : last.at) - from.at };
}

async function created(session: ApiSession, path: string, body: unknown): Promise<string> {
  const answer = await session.post<{ id?: string }>(path, body);
  if (answer.status !== 201 || typeof answer.body?.id !== 'string') throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body.id;
}

/** One update from each of the CHATS customers, OPEN_CONCURRENCY at a time, through the webhook itself. */
async function openConversations(url: string): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: OPEN_CONCURRENCY }, async () => {
      for (let i = next++; i < CHATS; i = next++) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET_TOKEN }, body: JSON.stringify(update(i + 1, FIRST_CHAT + i)) });
        if (response.status !== 200) throw new Error(`Opening conversation ${i + 1}: the webhook answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      }
    }),
  );
}

/**
 * Opens the CHATS conversations and lets the worker answer and deliver them, then drives the webhook
 * while sampling the tenant's messages every second, waits for the bot to answer the backlog and for
 * the replies to be sent; writes the figures and returns the autocannon row.
 */
async function measure(stack: Stack, client: Client, tenantId: string, channelId: string, figures: ScenarioReport['figures']): Promise<StepResult> {
  const path = `/api/v1/webhooks/telegram/${channelId}`;
  const counts = () => count(client, tenantId);
  log(`opening ${CHATS} conversations through the webhook (${OPEN_CONCURRENCY} at a time)…`);
  const openStarted = Date.now();
  await openConversations(`${stack.base}${path}`);
  const opened = await counts();
  const openMs = opened.at - openStarted;
  const setup = await drain(counts, opened, answersAndDeliveries, []);
  if (setup.left > 0) throw new Error(`The worker left ${setup.left} of the opening messages' answers and deliveries undone`);
  log(`opened in ${seconds(openMs)} s; answered and delivered ${seconds(setup.ms)} s later`);
  figures[`setup: ${CHATS} conversations opened, ${OPEN_CONCURRENCY} at a time: s / per s`] = `${seconds(openMs)} / ${perSecond(CHATS, openMs)}`;
  figures['setup: greetings + answers stored and delivered, s after the last one opened'] = seconds(setup.ms);
  // What autovacuum would do after this burst (the test server runs without it): without it, every
  // later read and write of a conversation walks the dead versions its opening left behind.
  const vacuumStarted = Date.now();
  await client.query('VACUUM (ANALYZE) conversations, messages, inbound_events, outbox, contacts, contact_identities, leads, activities');
  figures['setup: VACUUM (ANALYZE) of the tables written, s (the test server runs without autovacuum)'] = seconds(Date.now() - vacuumStarted);
  const start = await counts();

  const samples: Counts[] = [start];
  const loadStarted = new Date(start.at);
  const workerCpuBefore = stack.workerCpuSeconds();
  let loading = true;
  const sampling = (async () => {
    while (loading) {
      await sleep(SAMPLE_MS);
      samples.push(await counts());
    }
  })();
  log(`driving POST ${path} (${LOAD.warmupSeconds} s warm-up + ${LOAD.durationSeconds} s)…`);
  const accepted = await drive(stack, {
    name: `POST /webhooks/telegram/{id} (1 in ${NEW_EVERY} new)`,
    path,
    method: 'POST',
    headers: { 'x-telegram-bot-api-secret-token': SECRET_TOKEN },
    bodyFor: loadUpdate,
  }).finally(() => (loading = false));
  await sampling;
  const loadEnd = await counts();
  samples.push(loadEnd);
  const loadMs = loadEnd.at - start.at;
  log(`load done: ${loadEnd.inbound - start.inbound} updates stored, backlog ${loadEnd.inbound - loadEnd.answered}; draining…`);
  const { last, left, ms: drainMs } = await drain(counts, loadEnd, answers, samples);
  log(left === 0 ? `backlog empty ${seconds(drainMs)} s after the load` : `backlog of ${left} left after ${seconds(drainMs)} s`);
  const latency = await replyLatency(client, tenantId, loadStarted);
  const sent = await drain(counts, last, deliveries, []);
  const workerCpuMs = (stack.workerCpuSeconds() - workerCpuBefore) * 1000;
  const duplicates = await duplicateReplies(client, tenantId);

  // Requests still in flight when autocannon stops are stored after `loadEnd`: the totals come from the last count.
  figures['load: updates stored (warm-up + measured) / conversations opened'] = `${last.inbound - start.inbound} / ${last.conversations - start.conversations}`;
  figures['processed/s during load (answers stored / load s)'] = perSecond(loadEnd.answered - start.answered, loadMs);
  figures['processed: backlog at load end (updates not yet answered)'] = loadEnd.inbound - loadEnd.answered;
  figures['processed: drain s (load end → backlog empty)'] = left === 0 ? seconds(drainMs) : `not drained: ${left} left after ${seconds(drainMs)} s`;
  figures['processed/s during drain'] = perSecond(last.answered - loadEnd.answered, drainMs);
  figures['processed/s overall (answers / (load + drain) s)'] = perSecond(last.answered - start.answered, loadMs + drainMs);
  figures[`processed/s best ${PEAK_WINDOW} s`] = peakRate(samples);
  figures['reply latency p50 / p99 / max ms (inbound stored → answer stored, load)'] = `${latency.p50} / ${latency.p99} / ${latency.max}`;
  figures['bot messages (whole run): FAQ answers / all (with greetings)'] = `${last.faqAnswers} / ${last.replies}`;
  figures['bot messages (whole run): duplicate FAQ answers / duplicate greetings'] = `${duplicates.answers} / ${duplicates.greetings}`;
  figures['delivered: all bot messages sent to the stub, s after the load'] = sent.left === 0 ? seconds(drainMs + sent.ms) : `not drained: ${sent.left} undelivered after ${seconds(drainMs + sent.ms)} s`;
  figures['worker CPU ms per update of the load (answer + deliveries, load start → all sent)'] = Math.round((workerCpuMs / Math.max(1, sent.last.answered - start.answered)) * 10) / 10;
  figures['delivered: bot messages sent / failed (whole run)'] = `${sent.last.delivered} / ${sent.last.failed}`;
  return accepted;
}

export const webhooks = {
  name: 'webhooks',
  description: `Telegram webhook POSTs (unique update ids; ${CHATS.toLocaleString('en')} customers with open conversations, 1 update in ${NEW_EVERY} from a new one, all asking an FAQ) → accepted/s, then bot answers stored/s end to end (sent to a local Telegram stub)`,
  async fixture(): Promise<ScenarioFixture> {
    const stub = await PlatformStub.start();
    return { env: { TELEGRAM_API_URL: stub.url }, close: () => stub.close() };
  },
  async run(stack: Stack): Promise<ScenarioReport> {
    const figures: ScenarioReport['figures'] = { queue: stack.queue };
    const session = await ApiSession.register(stack.base, 'webhooks');
    const channelId = await created(session, '/api/v1/channels', { type: 'telegram', name: 'Bench bot', credentials: { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN } });
    for (const faq of FAQS) await created(session, '/api/v1/faqs', faq);
    log(`tenant ${session.tenantId}: Telegram channel ${channelId} and ${FAQS.length} FAQs created`);

    const client = new Client({ connectionString: stack.ownerUrl });
    await client.connect();
    let accepted: StepResult;
    try {
      accepted = await measure(stack, client, session.tenantId, channelId, figures);
    } finally {
      await client.end();
    }

    await sleep(500); // pino writes asynchronously
    // At LOG_LEVEL=warn the api prints a line for each 4xx (warn) and 5xx (error) answer.
    const apiLines = logEntries(stack.api.output(), 40);
    const workerLines = logEntries(stack.worker.output(), 40);
    figures['api warn+error log lines'] = apiLines.length;
    figures['worker warn+error log lines'] = workerLines.length;
    for (const line of summarise(apiLines, 3)) log(`api: ${line}`);
    for (const line of summarise(workerLines, 3)) log(`worker: ${line}`);
    figures['targets (measured, not asserted)'] = '≥ 1,000 accepted/s; ≥ 400 processed/s on 2 cores';
    return { rows: [accepted], figures };
  },
};
