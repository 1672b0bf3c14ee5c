import { Module } from '@nestjs/common';
import { CreateFaqHandler } from './commands/create-faq/create-faq.handler';
import { DeleteFaqHandler } from './commands/delete-faq/delete-faq.handler';
import { UpdateFaqHandler } from './commands/update-faq/update-faq.handler';
import { GetFaqHandler } from './queries/get-faq/get-faq.handler';
import { ListFaqsHandler } from './queries/list-faqs/list-faqs.handler';
import { MatchFaqsHandler } from './queries/match-faqs/match-faqs.handler';

/** The FAQ knowledge base the bot answers from: handlers. */
@Module({
  providers: [CreateFaqHandler, DeleteFaqHandler, GetFaqHandler, ListFaqsHandler, MatchFaqsHandler, UpdateFaqHandler],
})
export class KnowledgeModule {}
