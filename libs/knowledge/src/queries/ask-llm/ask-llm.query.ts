import { TenantContext, TenantQuery } from '@saler/platform';
import { AskLlmInput } from '../../domain/llm-prompt';

export type LlmOutcome = 'answered' | 'not_configured' | 'timeout' | 'error' | 'circuit_open';

export interface LlmAnswer {
  outcome: LlmOutcome;
  /** The LLM's text (answered only). */
  text?: string;
  /** Why there is no text (timeout, error, circuit_open). */
  error?: string;
  /** How long the whole query took. */
  ms: number;
}

/**
 * For the bot pipeline: asks the tenant's OpenAI-compatible LLM for a reply or a summary. Never
 * throws for the provider's sake: every failure is an outcome. The provider call runs outside any
 * transaction, so dispatch this query outside your own unit of work too.
 */
export class AskLlmQuery extends TenantQuery<LlmAnswer> {
  constructor(
    context: TenantContext,
    readonly input: AskLlmInput,
  ) {
    super(context);
  }
}
