import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@saler/platform';
import { LineSender } from './line-sender';
import { MessengerSender } from './messenger-sender';
import type { OutboundTarget, PlatformSender } from './platform-sender';
import { TelegramSender } from './telegram-sender';
import { WhatsAppSender } from './whatsapp-sender';

/** The send adapter of each chat platform, pointed at the configured API base URLs. */
@Injectable()
export class PlatformSenders {
  private readonly senders: Record<OutboundTarget['channelType'], PlatformSender>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { telegramApiUrl, graphApiUrl, lineApiUrl, timeoutMs } = config.platforms;
    const base = (url: string) => url.replace(/\/+$/, '');
    this.senders = {
      telegram: new TelegramSender(base(telegramApiUrl), timeoutMs),
      messenger: new MessengerSender(base(graphApiUrl), timeoutMs),
      whatsapp: new WhatsAppSender(base(graphApiUrl), timeoutMs),
      line: new LineSender(base(lineApiUrl), timeoutMs),
    };
  }

  for(type: OutboundTarget['channelType']): PlatformSender {
    return this.senders[type];
  }
}
