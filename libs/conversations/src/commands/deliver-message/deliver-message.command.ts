import { TenantCommand, TenantContext } from '@saler/platform';
import type { OutboundTarget } from '../../domain/outbound/platform-sender';

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

/** What an attempt sends: to whom, the text, and how many of its parts earlier attempts sent. */
export type DeliveryClaim = OutboundTarget & { text: string; fromAgent: boolean; partsSent: number };

/** Sends one queued outbound message to its platform; `attempt` counts from 1. */
export class DeliverMessageCommand extends TenantCommand<DeliveryOutcome> {
  constructor(
    context: TenantContext,
    readonly messageId: string,
    readonly attempt: number,
    /**
     * The attempt already taken by the caller, in the transaction that stored the message (the bot's
     * first attempt): what to send, or why it cannot be. Without it the handler takes the attempt itself.
     */
    readonly claimed?: DeliveryClaim | string,
  ) {
    super(context);
  }
}
