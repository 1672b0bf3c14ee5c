import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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
  return document;
}

/** Swagger UI at /docs, OpenAPI 3 JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
