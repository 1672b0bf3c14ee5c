/** Shapes the black-box suites read from responses. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: { field: string; message: string }[];
  checks?: Record<string, { status: string }>;
}

export interface OpenApiOperation {
  deprecated?: boolean;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, { properties: Record<string, unknown> }> };
}

export interface NoteBody {
  id: string;
  body: string;
  relayedAt: string | null;
}

export async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}
