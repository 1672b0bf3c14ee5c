/**
 * Browser-facing routes whose allowed origins are data, not configuration (the web chat widget:
 * each channel lists its sites). A context that serves such routes provides this under
 * ROUTE_CORS_POLICY; every other route keeps the CORS_ORIGINS list.
 */
export interface RouteCorsPolicy {
  /** The origins allowed for this URL, or undefined when the URL is not one of this policy's. */
  originsFor(url: string): Promise<string[] | undefined>;
}

export const ROUTE_CORS_POLICY = Symbol('ROUTE_CORS_POLICY');
