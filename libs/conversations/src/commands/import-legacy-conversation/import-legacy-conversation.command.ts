import { TenantCommand, TenantContext } from '@saler/platform';

/** One turn of a legacy chatbot history: the customer (`user`) or the bot (`model`). */
export interface LegacyTurn {
  role: 'user' | 'model';
  text: string;
}

export interface LegacyConversationInput {
  channelId: string;
  /** The legacy session id, `<prefix>_<platform user id>` (see legacy-session.ts). */
  sessionId: string;
  userName: string | null;
  userPicture: string | null;
  /** In the order they were written; a turn's index is what a re-run recognises it by. */
  turns: LegacyTurn[];
}

export interface ImportedConversation {
  conversationId: string;
  /** The conversation (with its contact and lead) was opened by this import. */
  created: boolean;
  /** Turns stored now; the others were imported by an earlier run. */
  messagesImported: number;
}

/** A legacy chatbot's history of one session, stored as past messages of a conversation on a channel. */
export class ImportLegacyConversationCommand extends TenantCommand<ImportedConversation> {
  constructor(
    context: TenantContext,
    readonly input: LegacyConversationInput,
  ) {
    super(context);
  }
}
