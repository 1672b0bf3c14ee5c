import { Module } from '@nestjs/common';
import { BotProfileCache } from './queries/get-bot-profile/bot-profile-cache';
import { CreateFaqHandler } from './commands/create-faq/create-faq.handler';
import { DeleteFaqHandler } from './commands/delete-faq/delete-faq.handler';
import { PutBotTextHandler } from './commands/put-bot-text/put-bot-text.handler';
import { RecordFaqHitHandler } from './commands/record-faq-hit/record-faq-hit.handler';
import { SuggestFaqHandler } from './commands/suggest-faq/suggest-faq.handler';
import { UpdateBotSettingsHandler } from './commands/update-bot-settings/update-bot-settings.handler';
import { UpdateFaqHandler } from './commands/update-faq/update-faq.handler';
import { KnowledgeTenantProvisioner } from './knowledge-tenant-provisioner';
import { AskLlmHandler } from './queries/ask-llm/ask-llm.handler';
import { LlmCircuitBreakers } from './queries/ask-llm/llm-circuit-breakers';
import { GetBotProfileHandler } from './queries/get-bot-profile/get-bot-profile.handler';
import { GetBotSettingsHandler } from './queries/get-bot-settings/get-bot-settings.handler';
import { GetBotTextHandler } from './queries/get-bot-text/get-bot-text.handler';
import { GetFaqHandler } from './queries/get-faq/get-faq.handler';
import { ListBotTextsHandler } from './queries/list-bot-texts/list-bot-texts.handler';
import { ListFaqsHandler } from './queries/list-faqs/list-faqs.handler';
import { MatchFaqsHandler } from './queries/match-faqs/match-faqs.handler';

/** The FAQ knowledge base, bot texts and bot settings the bot answers from: handlers, the LLM client, and what every new tenant gets. */
@Module({
  providers: [
    BotProfileCache,
    KnowledgeTenantProvisioner,
    LlmCircuitBreakers,
    AskLlmHandler,
    CreateFaqHandler,
    DeleteFaqHandler,
    GetBotProfileHandler,
    GetBotSettingsHandler,
    GetBotTextHandler,
    GetFaqHandler,
    ListBotTextsHandler,
    ListFaqsHandler,
    MatchFaqsHandler,
    PutBotTextHandler,
    RecordFaqHitHandler,
    SuggestFaqHandler,
    UpdateBotSettingsHandler,
    UpdateFaqHandler,
  ],
})
export class KnowledgeModule {}
