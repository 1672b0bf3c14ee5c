import { TenantCommand, TenantContext } from '@saler/platform';

export const RESCORE_BATCH = 500;

/** Which leads to rescore: these ids, a contact's leads, or the next batch of the tenant's leads after `afterId` (null: from the start). */
export type RescoreSelection = { leadIds: string[] } | { contactId: string } | { afterId: string | null };

/** Recomputes lead scores from the tenant's rules; returns the last lead id of a batch (null when the tenant is done). */
export class RecomputeLeadScoresCommand extends TenantCommand<{ changed: number; lastId: string | null }> {
  constructor(
    context: TenantContext,
    readonly selection: RescoreSelection,
    readonly now: Date = new Date(),
  ) {
    super(context);
  }
}
