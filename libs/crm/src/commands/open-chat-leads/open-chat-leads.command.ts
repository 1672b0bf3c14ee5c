import { ChannelType, TenantCommand, TenantContext } from '@saler/platform';

export interface ChatLeadInput {
  channel: ChannelType;
  /** The platform's user id (Telegram user id, PSID, wa_id, LINE userId, widget visitorId). */
  platformUserId: string;
  name: string | null;
  locale: string | null;
  /** A phone number the platform vouches for (WhatsApp wa_id), E.164 without the plus is accepted. */
  phone: string | null;
}

export interface ChatLead {
  contactId: string;
  leadId: string;
}

/**
 * Customers opened conversations on chat channels: for each, the contact known by that platform
 * identity (or a new one with the identity) and a new lead for the conversation, in the default
 * pipeline's first stage; in a few statements whatever their number. Sent by the conversations
 * context inside its own unit of work. Answers in the order of the inputs.
 */
export class OpenChatLeadsCommand extends TenantCommand<ChatLead[]> {
  constructor(
    context: TenantContext,
    readonly inputs: ChatLeadInput[],
  ) {
    super(context);
  }
}
