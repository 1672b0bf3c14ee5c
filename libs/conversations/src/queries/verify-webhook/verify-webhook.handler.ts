import { QueryHandler } from '@nestjs/cqrs';
import { CredentialCipher, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { loadChannelOfType, openCredentials } from '../../commands/channel-store';
import { metaVerificationChallenge } from '../../domain/webhooks/webhook-signatures';
import { VerifyWebhookQuery } from './verify-webhook.query';

@QueryHandler(VerifyWebhookQuery)
export class VerifyWebhookHandler extends TenantQueryHandler<VerifyWebhookQuery, string | null> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: VerifyWebhookQuery, tx: TenantTx): Promise<string | null> {
    const channel = await loadChannelOfType(tx, query.channelId, query.type);
    return metaVerificationChallenge(query.query, openCredentials(this.cipher, channel).verifyToken);
  }
}
