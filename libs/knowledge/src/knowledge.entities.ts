import { BotSettings } from './domain/bot-settings.entity';
import { BotText } from './domain/bot-text.entity';
import { Faq } from './domain/faq.entity';

export const KNOWLEDGE_ENTITIES: Function[] = [Faq, BotText, BotSettings];
