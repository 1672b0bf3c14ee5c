import { CommandHandler, QueryBus } from '@nestjs/cqrs';
import { requireActiveMember } from '@saler/identity';
import { abilityOf, assertCan, staleProblem, TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { Conversation } from '../../domain/conversation.entity';
import { holdConversation } from '../conversation-holds';
import { loadConversation } from '../conversation-store';
import { ConversationView, toConversationView } from '../conversation.view';
import { UpdateConversationCommand } from './update-conversation.command';

/**
 * Status, assignee and bot switch. Agents change only conversations that are theirs or nobody's, and
 * may leave them only theirs or nobody's (claim, let go); managers and up change any.
 */
@CommandHandler(UpdateConversationCommand)
export class UpdateConversationHandler extends TenantCommandHandler<UpdateConversationCommand, ConversationView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: UpdateConversationCommand, tx: TenantTx): Promise<ConversationView> {
    // Held: a bot turn in flight on it ends first (turning the bot off stops the turns after it).
    await holdConversation(tx, command.conversationId);
    const before = await loadConversation(tx, command.conversationId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== before.version) throw staleProblem('conversation');
    const ability = abilityOf(tx, command.caller);
    assertCan(ability, 'update', 'Conversation', { assigneeId: before.assigneeId });
    const { status, assigneeId, botEnabled } = command.changes;
    if (assigneeId !== undefined) {
      assertCan(ability, 'update', 'Conversation', { assigneeId });
      if (assigneeId !== null && assigneeId !== before.assigneeId) await requireActiveMember(this.queryBus, tx.context, assigneeId);
    }
    const patch = {
      status: status ?? before.status,
      assigneeId: assigneeId !== undefined ? assigneeId : before.assigneeId,
      botEnabled: botEnabled ?? before.botEnabled,
    };
    const updatedAt = new Date();
    const updated = await tx.repository(Conversation).update({ id: before.id, version: before.version }, { ...patch, version: before.version + 1, updatedAt });
    if (updated !== 1) throw staleProblem('conversation');
    tx.audit({
      action: 'conversation.updated',
      entityType: 'conversation',
      entityId: before.id,
      before: { status: before.status, assigneeId: before.assigneeId, botEnabled: before.botEnabled },
      after: patch,
    });
    return toConversationView({ ...before, ...patch, version: before.version + 1, updatedAt });
  }
}
