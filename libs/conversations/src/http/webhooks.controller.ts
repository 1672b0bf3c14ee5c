import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, Public } from '@saler/platform';
import { ChannelDirectory } from '../commands/channel-directory';
import { notFound } from '../domain/conversation-problems';
import { VerifyWebhookQuery } from '../queries/verify-webhook/verify-webhook.query';
import { webhookContext } from './webhook-context';

/**
 * Meta's subscription check of a webhook URL: public and not rate-limited. The deliveries themselves
 * (POST, always 200 on success: WhatsApp retries anything else, even 202) are ReceiveWebhookRoute.
 */
@ApiExcludeController()
@Public()
@SkipThrottle({ default: true, auth: true })
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly directory: ChannelDirectory,
  ) {}

  @Get(':type/:channelId')
  async verify(
    @Param('type') type: string,
    @Param('channelId', new ParseUUIDPipe()) channelId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (type !== 'messenger' && type !== 'whatsapp') throw notFound('webhook');
    const challenge = await this.queryBus.execute(new VerifyWebhookQuery(await webhookContext(this.directory, channelId, type, request.id), channelId, type, query));
    if (challenge === null) throw new ProblemException(HttpStatus.FORBIDDEN, 'verify-token-mismatch', 'hub.verify_token does not match this channel, or hub.mode is not subscribe');
    await reply.status(HttpStatus.OK).type('text/plain').send(challenge);
  }
}
