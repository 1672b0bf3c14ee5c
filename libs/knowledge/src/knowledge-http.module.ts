import { Module } from '@nestjs/common';
import { FaqsController } from './http/faqs.controller';
import { KnowledgeModule } from './knowledge.module';

@Module({
  imports: [KnowledgeModule],
  controllers: [FaqsController],
})
export class KnowledgeHttpModule {}
