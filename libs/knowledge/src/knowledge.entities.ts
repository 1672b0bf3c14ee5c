import { Faq } from './domain/faq.entity';

export const KNOWLEDGE_ENTITIES: Function[] = [Faq];
