import { Inject, OnModuleDestroy } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, CredentialCipher, SealedValueError, UnitOfWork } from '@saler/platform';
import { currentBotSettings, llmKeyContext } from '../../commands/bot-settings-store';
import { buildChatCompletion } from '../../domain/llm-prompt';
import { AskLlmQuery, LlmAnswer } from './ask-llm.query';
import { LlmCallError, LlmCallOptions, LlmEndpoint, requestChatCompletion } from './chat-completions';
import { isCircuitOpen, LlmCircuitBreakers } from './llm-circuit-breakers';
import { publicNetworkDispatcher } from './public-network';

/**
 * Reads the provider and opens its key in a unit of work, then calls the provider after the
 * transaction has ended (a slow LLM must not hold a connection or locks). Hence no TenantQueryHandler.
 */
@QueryHandler(AskLlmQuery)
export class AskLlmHandler implements IQueryHandler<AskLlmQuery, LlmAnswer>, OnModuleDestroy {
  private readonly call: LlmCallOptions;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
    private readonly breakers: LlmCircuitBreakers,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'llm'>,
  ) {
    this.call = { timeoutMs: config.llm.timeoutMs, publicNetwork: config.llm.allowPrivateNetwork ? null : publicNetworkDispatcher() };
  }

  async onModuleDestroy(): Promise<void> {
    await this.call.publicNetwork?.close();
  }

  async execute(query: AskLlmQuery): Promise<LlmAnswer> {
    const started = Date.now();
    const answer = await this.ask(query);
    return { ...answer, ms: Date.now() - started };
  }

  private async ask(query: AskLlmQuery): Promise<Omit<LlmAnswer, 'ms'>> {
    try {
      const provider = await this.unitOfWork.run(query.context, async (tx) => {
        const settings = await currentBotSettings(tx);
        if (settings.llm === null || settings.llmApiKeySealed === null) return null;
        const endpoint: LlmEndpoint = { baseUrl: settings.llm.baseUrl, apiKey: this.cipher.open(settings.llmApiKeySealed, llmKeyContext(tx.tenantId)) };
        return { endpoint, model: settings.llm.model };
      });
      if (provider === null) return { outcome: 'not_configured' };
      const body = buildChatCompletion(provider.model, query.input);
      const text = await this.breakers.run(`${query.context.tenantId} ${provider.endpoint.baseUrl}`, () => requestChatCompletion(provider.endpoint, body, this.call));
      return { outcome: 'answered', text };
    } catch (error) {
      if (isCircuitOpen(error)) return { outcome: 'circuit_open', error: 'The provider failed repeatedly; it is not asked again for a while' };
      if (error instanceof LlmCallError) return { outcome: error.outcome, error: error.message };
      if (error instanceof SealedValueError) return { outcome: 'error', error: 'The stored API key does not open (was the encryption key changed?); set it again' };
      throw error;
    }
  }
}
