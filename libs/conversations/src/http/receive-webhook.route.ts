import { HttpStatus, Injectable, OnModuleInit, RawBodyRequest } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { isUUID } from 'class-validator';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiPath, ValidationProblem } from '@saler/platform';
import { ChannelDirectory } from '../commands/channel-directory';
import { ReceiveWebhookCommand } from '../commands/receive-webhook/receive-webhook.command';
import { notFound } from '../domain/conversation-problems';
import { isWebhookType } from '../domain/webhooks/webhook-platforms';
import { webhookContext } from './webhook-context';

interface WebhookPost {
  Params: { type: string; channelId: string };
}

/**
 * `POST /api/v1/webhooks/{type}/{channelId}`: the platforms' deliveries, registered on Fastify
 * directly rather than as a Nest controller method. Everything Nest's route pipeline would run for it
 * does nothing here: the route is public (the signature is the authentication), never rate-limited
 * (the platforms retry what is refused) and has no Idempotency-Key (the platform's event id is the
 * key). Skipping that pipeline halves the api's CPU per webhook (0.9–1.0 → 0.5 ms in
 * `npm run bench webhooks`), and this is the one route whose throughput the platforms set. What
 * every request gets still applies: the Fastify hooks (request id, security headers, CORS, metrics,
 * access log), the body limit, the raw body kept for the signature, and problem+json errors from
 * the app's error handler. The subscription check (GET) stays in WebhooksController.
 */
@Injectable()
export class ReceiveWebhookRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly commandBus: CommandBus,
    private readonly directory: ChannelDirectory,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.post<WebhookPost>(apiPath('webhooks/:type/:channelId'), async (request: RawBodyRequest<FastifyRequest<WebhookPost>>, reply) => {
      const { type, channelId } = request.params;
      if (!isUUID(channelId)) throw new ValidationProblem([{ field: 'channelId', message: 'channelId must be a UUID' }]);
      if (!isWebhookType(type)) throw notFound('webhook');
      const context = await webhookContext(this.directory, channelId, type, request.id);
      const counts = await this.commandBus.execute(new ReceiveWebhookCommand(context, channelId, type, { rawBody: request.rawBody ?? Buffer.alloc(0), body: request.body, headers: request.headers }));
      return reply.status(HttpStatus.OK).send({ ok: true, ...counts });
    });
  }
}
