import { randomUUID } from 'node:crypto';
import { drive, StepResult } from '../support/load';
import { Stack } from '../support/stack';

export const platform = {
  name: 'platform',
  description: 'GET /health/live, and a tenant-scoped read through the unit of work (RLS, pool, outbox-free)',
  async run(stack: Stack): Promise<StepResult[]> {
    const tenants = [randomUUID(), randomUUID()];
    for (const tenantId of tenants) {
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            fetch(`${stack.base}/api/v1/notes`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-tenant-id': tenantId },
              body: JSON.stringify({ body: `note ${batch * 20 + i}` }),
            }).then((response) => {
              if (response.status !== 201) throw new Error(`Seeding failed: ${response.status}`);
            }),
          ),
        );
      }
    }
    return [
      await drive(stack, { name: 'GET /health/live', path: '/health/live' }),
      await drive(stack, { name: 'GET /api/v1/notes (50 rows, RLS)', path: '/api/v1/notes', headers: { 'x-tenant-id': tenants[0] } }),
    ];
  },
};
