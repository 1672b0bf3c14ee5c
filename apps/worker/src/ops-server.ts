import { createServer, Server } from 'node:http';
import { register } from 'prom-client';
import { PROBLEM_CONTENT_TYPE, Readiness } from '@saler/platform';

/** The worker's only HTTP: /metrics, /health/live and /health/ready on WORKER_METRICS_PORT. */
export function startOpsServer(readiness: Readiness, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    const send = (status: number, contentType: string, body: string) => {
      response.writeHead(status, { 'Content-Type': contentType });
      response.end(body);
    };
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') return send(405, PROBLEM_CONTENT_TYPE, JSON.stringify({ type: 'about:blank', title: 'Method Not Allowed', status: 405, instance: path }));
    if (path === '/metrics') {
      void register.metrics().then((text) => send(200, register.contentType, text));
      return;
    }
    if (path === '/health/live') return send(200, 'application/json', JSON.stringify({ status: 'ok' }));
    if (path === '/health/ready') {
      readiness.check().then(
        (result) => send(200, 'application/json', JSON.stringify(result)),
        (error: { getResponse?: () => { details?: unknown } }) =>
          send(503, PROBLEM_CONTENT_TYPE, JSON.stringify({ type: 'urn:saler:problem:not-ready', title: 'Service Unavailable', status: 503, instance: path, checks: error.getResponse?.().details })),
      );
      return;
    }
    send(404, PROBLEM_CONTENT_TYPE, JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, instance: path }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
