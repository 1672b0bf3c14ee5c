import { CommandHandler } from '@nestjs/cqrs';
import { isUniqueViolation, newId, staleProblem, TenantCommandHandler, TenantTx, UnitOfWork, ValidationProblem } from '@saler/platform';
import { BotText } from '../../domain/bot-text.entity';
import { botTextProblem } from '../../domain/bot-text-template';
import { writeConflict } from '../../domain/knowledge-problems';
import { BotTextView, toBotTextView } from '../bot-text.view';
import { BotProfileCache } from '../../queries/get-bot-profile/bot-profile-cache';
import { PutBotTextCommand } from './put-bot-text.command';

/** An upsert: the row is locked until commit, so racing writers apply one after another, each with its own version. */
@CommandHandler(PutBotTextCommand)
export class PutBotTextHandler extends TenantCommandHandler<PutBotTextCommand, BotTextView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly profiles: BotProfileCache,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: PutBotTextCommand, tx: TenantTx): Promise<BotTextView> {
    const { key, locale, text, expectedVersion } = command;
    const problem = botTextProblem(key, text);
    if (problem !== null) throw new ValidationProblem([{ field: 'text', message: problem }]);
    const texts = tx.repository(BotText);
    const before = await texts.lockOne({ key, locale });
    // If-Match names a version; a text that does not exist yet has none to match (RFC 9110).
    if (expectedVersion !== undefined && expectedVersion !== before?.version) throw staleProblem('bot text');
    const after: BotText = { tenantId: tx.tenantId, id: before?.id ?? newId(), key, locale, text, version: (before?.version ?? 0) + 1, updatedAt: new Date() };
    if (before === null) await insertText(tx, after);
    else await texts.update({ id: before.id }, { text, version: after.version, updatedAt: after.updatedAt });
    tx.audit({
      action: before === null ? 'bot_text.created' : 'bot_text.updated',
      entityType: 'bot_text',
      entityId: after.id,
      before: before === null ? undefined : { key, locale, text: before.text },
      after: { key, locale, text },
    });
    this.profiles.forget(tx.tenantId);
    return toBotTextView(after);
  }
}

async function insertText(tx: TenantTx, text: BotText): Promise<void> {
  try {
    await tx.repository(BotText).insert(text);
  } catch (error) {
    if (isUniqueViolation(error)) throw writeConflict('bot text');
    throw error;
  }
}
