import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, ParameterObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem';

const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetails' };

/** Every operation answers errors as problem+json; the document says so once per operation. */
function declareProblemResponses(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, unknown>;
      responses.default ??= { description: 'An error, as RFC 9457 problem details', content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } } };
    }
  }
}

const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  description:
    'Makes the POST safe to retry for 24 h: a retry of the same request replays the first response with `Idempotent-Replayed: true`; the same key with another request is 422, a retry while the first is still running is 409.',
};

/** Every authenticated POST accepts an Idempotency-Key (public ones ignore it: no tenant to scope it to). */
function declareIdempotencyKey(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    if (path.post?.security === undefined) continue;
    path.post.parameters = [...(path.post.parameters ?? []), IDEMPOTENCY_KEY];
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Saler API')
    .setDescription(
      'Multi-tenant conversational sales CRM. Errors are RFC 9457 application/problem+json; lists use `limit` and an opaque `cursor`; every response carries X-Request-Id.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetails] });
  declareProblemResponses(document);
  declareIdempotencyKey(document);
  return document;
}

/** Swagger UI at /docs, OpenAPI 3 JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
