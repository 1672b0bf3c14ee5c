import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, RawBodyRequest, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, Public, SYSTEM_ACTOR, TenantContext } from '@saler/platform';
import { ChannelDirectory } from '../commands/channel-directory';
import { IngestCounts } from '../commands/ingest-inbound';
import { ReceiveWebhookCommand } from '../commands/receive-webhook/receive-webhook.command';
import { notFound } from '../domain/conversation-problems';
import { WEBHOOK_TYPES, WebhookType } from '../domain/webhooks/webhook-platforms';
import { VerifyWebhookQuery } from '../queries/verify-webhook/verify-webhook.query';

const isWebhookType = (type: string): type is WebhookType => (WEBHOOK_TYPES as readonly string[]).includes(type);

/**
 * The platforms' webhooks: public (the signature is the authentication) and not rate-limited (the
 * platforms retry what is refused, and a busy bot is not an attack). Always 200 on success: WhatsApp
 * retries anything else, even 202.
 */
@ApiExcludeController()
@Public()
@SkipThrottle({ default: true, auth: true })
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commandBus: CommandBus,
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
    const challenge = await this.queryBus.execute(new VerifyWebhookQuery(await this.contextOf(channelId, type, request), channelId, type, query));
    if (challenge === null) throw new ProblemException(HttpStatus.FORBIDDEN, 'verify-token-mismatch', 'hub.verify_token does not match this channel, or hub.mode is not subscribe');
    await reply.status(HttpStatus.OK).type('text/plain').send(challenge);
  }

  @Post(':type/:channelId')
  @HttpCode(HttpStatus.OK)
  async receive(@Param('type') type: string, @Param('channelId', new ParseUUIDPipe()) channelId: string, @Req() request: RawBodyRequest<FastifyRequest>): Promise<{ ok: true } & IngestCounts> {
    if (!isWebhookType(type)) throw notFound('webhook');
    const context = await this.contextOf(channelId, type, request);
    const counts = await this.commandBus.execute(
      new ReceiveWebhookCommand(context, channelId, type, { rawBody: request.rawBody ?? Buffer.alloc(0), body: request.body, headers: request.headers }),
    );
    return { ok: true, ...counts };
  }

  private async contextOf(channelId: string, type: WebhookType, request: FastifyRequest): Promise<TenantContext> {
    const route = await this.directory.byId(channelId);
    if (route === null || route.type !== type) throw notFound('channel');
    return { tenantId: route.tenantId, actor: SYSTEM_ACTOR, requestId: request.id };
  }
}
