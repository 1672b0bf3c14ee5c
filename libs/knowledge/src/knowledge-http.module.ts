import { Module } from '@nestjs/common';
import { BotSettingsController } from './http/bot-settings.controller';
import { BotTextsController } from './http/bot-texts.controller';
import { FaqsController } from './http/faqs.controller';
import { KnowledgeModule } from './knowledge.module';

@Module({
  imports: [KnowledgeModule],
  controllers: [FaqsController, BotTextsController, BotSettingsController],
})
export class KnowledgeHttpModule {}
