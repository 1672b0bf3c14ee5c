import { ApiProperty } from '@nestjs/swagger';
import { Faq, FAQ_STATUSES, FaqStatus } from '../domain/faq.entity';

export class FaqView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'What is the delivery time?' })
  question: string;

  @ApiProperty({ example: 'Two to three working days.' })
  answer: string;

  @ApiProperty({ nullable: true, type: String, example: 'delivery' })
  category: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'en', description: 'null: any language' })
  locale: string | null;

  @ApiProperty({ enum: FAQ_STATUSES })
  status: FaqStatus;

  @ApiProperty({ description: 'How many times the bot answered with this FAQ (read-only)' })
  hitCount: number;

  @ApiProperty({ description: "Proposed by the bot from an agent's answer (read-only)" })
  learned: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class FaqPage {
  @ApiProperty({ type: [FaqView] })
  data: FaqView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toFaqView = (faq: Faq): FaqView => ({
  id: faq.id,
  question: faq.question,
  answer: faq.answer,
  category: faq.category,
  locale: faq.locale,
  status: faq.status,
  hitCount: faq.hitCount,
  learned: faq.learned,
  createdAt: faq.createdAt.toISOString(),
  updatedAt: faq.updatedAt.toISOString(),
});

/** What the audit log keeps of an FAQ. */
export const faqAudit = (faq: Faq) => ({ question: faq.question, answer: faq.answer, category: faq.category, locale: faq.locale, status: faq.status });
