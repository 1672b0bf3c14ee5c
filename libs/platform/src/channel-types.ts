/** The chat platforms Saler talks on: shared by the CRM (a contact's identities) and conversations (channels). */
export const CHANNEL_TYPES = ['web', 'telegram', 'messenger', 'whatsapp', 'line'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
