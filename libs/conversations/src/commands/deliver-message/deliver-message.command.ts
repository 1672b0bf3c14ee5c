import { TenantCommand, TenantContext } from '@saler/platform';

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

/** Sends one queued outbound message to its platform; `attempt` counts from 1. */
export class DeliverMessageCommand extends TenantCommand<DeliveryOutcome> {
  constructor(
    context: TenantContext,
    readonly messageId: string,
    readonly attempt: number,
  ) {
    super(context);
  }
}
