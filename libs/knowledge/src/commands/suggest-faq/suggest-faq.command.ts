import { TenantCommand, TenantContext } from '@saler/platform';

export interface SuggestFaqInput {
  /** What the customer asked (the bot could not match it). */
  question: string;
  /** What an agent answered. */
  answer: string;
  locale: string | null;
}

export interface SuggestFaqResult {
  /** False when an FAQ (of any status) already has this question, or the question has nothing to match on. */
  created: boolean;
  /** The new FAQ, or the existing one with the same question; null when the question has no letters or digits. */
  faqId: string | null;
}

/** Learning: proposes an agent's answer as a suggested FAQ, for a manager to approve (activate) or archive. */
export class SuggestFaqCommand extends TenantCommand<SuggestFaqResult> {
  constructor(
    context: TenantContext,
    readonly input: SuggestFaqInput,
  ) {
    super(context);
  }
}
