/** OpenAPI descriptions of the optimistic-concurrency headers: ETag on responses, If-Match on writes. */
export const ETAG_HEADER = { ETag: { description: 'The version, for If-Match', schema: { type: 'string' } } };
export const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The ETag you read; a stale one gets 412' };
