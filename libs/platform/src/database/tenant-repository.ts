import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { DeepPartial, EntityManager, EntityTarget, FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

type Where<E> = FindOptionsWhere<E> | FindOptionsWhere<E>[];

/**
 * The only way a handler reaches a tenant table: a repository bound to the unit of work's
 * transaction that adds `tenant_id` to every statement. On PostgreSQL, row-level security
 * enforces the same rule underneath; on SQLite this is the only protection.
 */
export class TenantRepository<E extends TenantOwnedEntity> {
  private readonly repository: Repository<E>;

  constructor(
    manager: EntityManager,
    target: EntityTarget<E>,
    private readonly tenantId: string,
  ) {
    this.repository = manager.getRepository(target);
  }

  find(options: Omit<FindManyOptions<E>, 'where'> & { where?: Where<E> } = {}): Promise<E[]> {
    return this.repository.find({ ...options, where: this.scope(options.where) });
  }

  findOne(where: Where<E>): Promise<E | null> {
    return this.repository.findOne({ where: this.scope(where) });
  }

  /**
   * Reads a row and locks it until the transaction ends (SELECT … FOR UPDATE), so a read-modify-write
   * of racing units of work happens one after another. SQLite's transactions are serialised already.
   */
  lockOne(where: FindOptionsWhere<E>): Promise<E | null> {
    const sqlite = this.repository.manager.connection.options.type === 'better-sqlite3';
    return this.repository.findOne({ where: this.scopeOne(where), ...(sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
  }

  count(where: Where<E> = {}): Promise<number> {
    return this.repository.count({ where: this.scope(where) });
  }

  exists(where: Where<E>): Promise<boolean> {
    return this.repository.exists({ where: this.scope(where) });
  }

  /** Inserts rows of this tenant; a row naming another tenant is a programming error. */
  async insert(rows: DeepPartial<E> | DeepPartial<E>[]): Promise<void> {
    const list = (Array.isArray(rows) ? rows : [rows]).map((row) => this.own(row));
    if (list.length === 0) return;
    await this.repository.insert(list as never);
  }

  /** `patch` may set a column from SQL (`{ version: () => 'version + 1' }`). */
  async update(where: FindOptionsWhere<E>, patch: Partial<Omit<E, 'tenantId' | 'id'>> | QueryDeepPartialEntity<Omit<E, 'tenantId' | 'id'>>): Promise<number> {
    const result = await this.repository.update(this.scopeOne(where), patch as never);
    return result.affected ?? 0;
  }

  async delete(where: FindOptionsWhere<E>): Promise<number> {
    const result = await this.repository.delete(this.scopeOne(where));
    return result.affected ?? 0;
  }

  /**
   * A query builder already limited to this tenant (`alias.tenant_id = :tenantId`), for filters and
   * sorts find() cannot express. Add conditions with andWhere: where() would drop the tenant scope.
   */
  scopedQuery(alias: string): SelectQueryBuilder<E> {
    return this.repository.createQueryBuilder(alias).where(`${alias}.tenant_id = :scopeTenantId`, { scopeTenantId: this.tenantId });
  }

  private own(row: DeepPartial<E>): DeepPartial<E> {
    const tenantId = (row as ObjectLiteral).tenantId as string | undefined;
    if (tenantId !== undefined && tenantId !== this.tenantId) {
      throw new Error(`Refusing to write a row of tenant ${tenantId} inside a unit of work of tenant ${this.tenantId}`);
    }
    return { ...row, tenantId: this.tenantId };
  }

  private scope(where: Where<E> | undefined): Where<E> {
    if (Array.isArray(where)) return where.map((branch) => this.scopeOne(branch));
    return this.scopeOne(where ?? {});
  }

  private scopeOne(where: FindOptionsWhere<E>): FindOptionsWhere<E> {
    return { ...where, tenantId: this.tenantId } as FindOptionsWhere<E>;
  }
}
