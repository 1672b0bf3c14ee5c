import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startProcess } from '../support/processes';

jest.setTimeout(60_000);

async function cli(args: string[], env: Record<string, string>) {
  const proc = startProcess({ entry: { dist: 'apps/cli/src/main.js' }, env, args });
  const code = await proc.exited;
  return { code, output: proc.output() };
}

describe('saler CLI', () => {
  it('db:stats prints the row count of every table (embedded SQLite, migrated on first use)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saler-cli-'));
    try {
      const { code, output } = await cli(['db:stats'], { SQLITE_PATH: join(dir, 'saler.sqlite') });
      expect(code).toBe(0);
      expect(output).toMatch(/^table\s+rows$/m);
      expect(output).toMatch(/^migrations\s+[1-9]\d*$/m);
      expect(output).toMatch(/^tenants\s+0$/m);
      expect(output).toMatch(/^outbox\s+0$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on PostgreSQL', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('postgres');
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('db:stats counts rows across all tenants through the system role', async () => {
      const { code, output } = await cli(['db:stats'], db.env);
      expect(code).toBe(0);
      expect(output).toMatch(/^notes\s+0$/m);
      expect(output).toMatch(/^outbox\s+0$/m);
    });
  });

  it('an unknown command exits 1 with one clear line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saler-cli-'));
    try {
      const { code, output } = await cli(['no-such-command'], { SQLITE_PATH: join(dir, 'saler.sqlite') });
      expect(code).toBe(1);
      expect(output.trim()).toBe("error: unknown command 'no-such-command'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
