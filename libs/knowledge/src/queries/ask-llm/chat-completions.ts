import { Dispatcher, fetch } from 'undici';
import { ChatCompletionBody } from '../../domain/llm-prompt';
import { privateLiteralHost } from './public-network';

export interface LlmEndpoint {
  baseUrl: string;
  /** The opened API key. */
  apiKey: string;
}

/** A failed provider call: it took longer than the timeout, or it failed (network, HTTP status, no answer in the body). */
export class LlmCallError extends Error {
  constructor(
    readonly outcome: 'timeout' | 'error',
    message: string,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }
}

/** How much of a provider's own error text is kept. */
const MAX_PROVIDER_ERROR = 200;

export interface LlmCallOptions {
  timeoutMs: number;
  /** Dials public addresses only (public-network.ts); null: any address, for a provider on the operator's own network. */
  publicNetwork: Dispatcher | null;
}

/**
 * POST `<baseUrl>/chat/completions` (OpenAI-compatible) and return the first choice's text. The
 * timeout covers the whole exchange, body included, and aborts the request.
 */
export async function requestChatCompletion(endpoint: LlmEndpoint, body: ChatCompletionBody, options: LlmCallOptions): Promise<string> {
  const { timeoutMs, publicNetwork } = options;
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const literal = publicNetwork === null ? null : privateLiteralHost(url);
  if (literal !== null) throw new LlmCallError('error', `The request was not sent: ${literal} is not a public internet address`);
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${endpoint.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      ...(publicNetwork === null ? {} : { dispatcher: publicNetwork }),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if ((error as Partial<Error> | null)?.name === 'TimeoutError') throw new LlmCallError('timeout', `No answer within ${timeoutMs} ms`);
    throw new LlmCallError('error', `The request failed: ${describe(error)}`);
  }
  const payload = parseJson(text);
  if (status < 200 || status >= 300) throw new LlmCallError('error', `HTTP ${status}${providerError(payload)}`);
  const content = firstChoiceText(payload);
  if (content === null) throw new LlmCallError('error', 'The response has no answer text');
  return content;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `choices[0].message.content`, trimmed, when it is a non-empty string. */
function firstChoiceText(payload: unknown): string | null {
  const choices = (payload as { choices?: unknown } | null)?.choices;
  const content = Array.isArray(choices) ? (choices[0] as { message?: { content?: unknown } } | undefined)?.message?.content : undefined;
  return typeof content === 'string' && content.trim() !== '' ? content.trim() : null;
}

/** `: <error.message>` of an OpenAI-style error body, cut short; nothing when there is none. */
function providerError(payload: unknown): string {
  const message = (payload as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? `: ${message.slice(0, MAX_PROVIDER_ERROR)}` : '';
}

/**
 * fetch's TypeError says only "fetch failed"; the cause says why (ECONNREFUSED, a TLS error, …).
 * Duck-typed: fetch's errors may come from another realm than this module's Error.
 */
function describe(error: unknown): string {
  const failure = error as { message?: string; cause?: { code?: string; message?: string } } | null;
  return failure?.cause?.code ?? failure?.cause?.message ?? failure?.message ?? String(error);
}
