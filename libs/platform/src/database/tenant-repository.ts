import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DeepPartial, EntityManager, EntityTarget, FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

type Where<E> = FindOptionsWhere<E> | FindOptionsWhere<E>[];
type Patch<E> = Partial<Omit<E, 'tenantId' | 'id'>> | QueryDeepPartialEntity<Omit<E, 'tenantId' | 'id'>>;

/** A table's rows waiting to be inserted by insertBulk(), with another table's (TenantRepository.rows()). */
export interface BulkRows {
  readonly count: number;
  readonly manager: EntityManager;
  /** The PostgreSQL INSERT of these rows, its arrays appended to `parameters`. */
  postgresInsert(parameters: unknown[]): string;
  /** The SQLite INSERTs of these rows, run at once (in chunks under the parameter limit). */
  sqliteInsert(): Promise<void>;
}

/** Whether a row of this tenant holds some values, to be asked within another statement (TenantRepository.whereExists()). */
export interface RowCondition {
  readonly manager: EntityManager;
  /** `SELECT 1 FROM … WHERE …`, its values appended to `parameters`. */
  select(parameters: unknown[]): string;
}

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

  /**
   * Inserts one row unless it collides with a unique constraint (`ON CONFLICT DO NOTHING`, on both
   * drivers), in one statement and without aborting the transaction. Returns whether it was inserted:
   * the way to take an event exactly once under concurrent deliveries.
   */
  async insertIfAbsent(input: DeepPartial<E>): Promise<boolean> {
    const [inserted] = await this.insertEachIfAbsent([input]);
    return inserted;
  }

  /**
   * insertIfAbsent() for many rows in one statement: whether each was inserted (a later row colliding
   * with an earlier one of the list is not). With `onlyIf` (whereExists() of another table), in the same
   * statement, only if that row exists as it says; else nothing is inserted and the answer is null. A
   * second statement tells a failed condition from duplicates, only when no row was inserted (for an
   * empty list, it is the only statement).
   */
  insertEachIfAbsent(input: DeepPartial<E>[]): Promise<boolean[]>;
  insertEachIfAbsent(input: DeepPartial<E>[], onlyIf: RowCondition): Promise<boolean[] | null>;
  async insertEachIfAbsent(input: DeepPartial<E>[], onlyIf?: RowCondition): Promise<boolean[] | null> {
    if (onlyIf !== undefined && onlyIf.manager !== this.repository.manager) throw new Error('insertEachIfAbsent: a condition of another unit of work');
    if (input.length === 0) return onlyIf === undefined || (await this.holds(onlyIf)) ? [] : null;
    const rows = input.map((row) => this.own(row) as ObjectLiteral);
    const metadata = this.repository.metadata;
    const driver = this.repository.manager.connection.driver;
    const columns = metadata.columns;
    const parameters: unknown[] = [];
    const tuples = rows.map((row) => {
      const placeholders = columns.map((column) => {
        const raw: unknown = column.getEntityValue(row);
        parameters.push(driver.preparePersistentValue(raw === undefined ? columnDefault(column) : raw, column));
        // Typed by their columns: the VALUES of a SELECT take no type from the table.
        return onlyIf !== undefined && this.isPostgres ? `${this.placeholder(parameters.length)}::${driver.normalizeType(column)}` : this.placeholder(parameters.length);
      });
      return `(${placeholders.join(', ')})`;
    });
    const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
    const source = onlyIf === undefined ? `VALUES ${tuples.join(', ')}` : `SELECT * FROM (VALUES ${tuples.join(', ')}) AS v WHERE EXISTS (${onlyIf.select(parameters)})`;
    const inserted: { id: string }[] = await this.repository.manager.query(
      `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) ${source} ON CONFLICT DO NOTHING RETURNING ${driver.escape('id')}`,
      parameters,
    );
    if (inserted.length === 0 && onlyIf !== undefined && !(await this.holds(onlyIf))) return null;
    const ids = new Set(inserted.map((row) => row.id));
    return rows.map((row) => ids.has(row.id as string));
  }

  /** That a row of this tenant holds these values (`null`: IS NULL), to be asked by another statement: insertEachIfAbsent()'s `onlyIf`. */
  whereExists(where: { [P in keyof E]?: E[P] | null }): RowCondition {
    const manager = this.repository.manager;
    const driver = manager.connection.driver;
    return {
      manager,
      select: (parameters) => {
        const conditions = Object.entries({ ...where, tenantId: this.tenantId }).map(([property, value]) => {
          const name = driver.escape(this.column(property).databaseName);
          if (value === null) return `${name} IS NULL`;
          parameters.push(driver.preparePersistentValue(value, this.column(property)));
          return `${name} = ${this.placeholder(parameters.length)}`;
        });
        return `SELECT 1 FROM ${driver.escape(this.repository.metadata.tableName)} WHERE ${conditions.join(' AND ')}`;
      },
    };
  }

  private async holds(condition: RowCondition): Promise<boolean> {
    const parameters: unknown[] = [];
    const found: unknown[] = await this.repository.manager.query(`${condition.select(parameters)} LIMIT 1`, parameters);
    return found.length > 0;
  }

  /**
   * Inserts many rows of this tenant in as few statements as possible, for imports and hot paths: on
   * PostgreSQL one `INSERT … SELECT FROM unnest(…)` per call (one array parameter per column, whatever
   * the row count), on SQLite multi-row VALUES in chunks. Values go through the column's transformer
   * and the driver's own conversion, as with insert(); every column needs a value or a default.
   *
   * `alongside` are other tables' rows of the same unit of work (`rows()` of their repositories),
   * inserted in the same statement on PostgreSQL (one data-modifying WITH each: rows and the rows
   * that reference them, the foreign keys being checked when the statement ends), after these on
   * SQLite. One round trip instead of one per table.
   */
  async insertBulk(input: DeepPartial<E>[], ...alongside: BulkRows[]): Promise<void> {
    const parts = [this.rows(input), ...alongside].filter((part) => part.count > 0);
    if (parts.some((part) => part.manager !== this.repository.manager)) throw new Error('insertBulk: rows of another unit of work');
    if (parts.length === 0) return;
    if (!this.isPostgres) {
      for (const part of parts) await part.sqliteInsert();
      return;
    }
    const parameters: unknown[] = [];
    const statements = parts.map((part) => part.postgresInsert(parameters));
    await this.repository.manager.query(statements.length === 1 ? statements[0] : `WITH ${statements.map((statement, index) => `i${index} AS (${statement})`).join(', ')} SELECT 1`, parameters);
  }

  /** These rows of this tenant, to be inserted alongside another table's by insertBulk(). */
  rows(input: DeepPartial<E>[]): BulkRows {
    const rows = input.map((row) => this.own(row) as ObjectLiteral);
    const metadata = this.repository.metadata;
    const manager = this.repository.manager;
    const driver = manager.connection.driver;
    const table = driver.escape(metadata.tableName);
    const columns = metadata.columns;
    const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
    const valuesOf = (column: ColumnMetadata) =>
      rows.map((row) => {
        const raw: unknown = column.getEntityValue(row);
        const value = raw === undefined ? columnDefault(column) : raw;
        return driver.preparePersistentValue(value, column) as unknown;
      });
    return {
      count: rows.length,
      manager,
      postgresInsert: (parameters) => {
        const casts = columns.map((column, index) => `u.c${index}::${driver.normalizeType(column)}`).join(', ');
        const unnest = columns.map((column) => {
          parameters.push(valuesOf(column).map(asPostgresText));
          return `$${parameters.length}::text[]`;
        });
        return `INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${unnest.join(', ')}) AS u(${columns.map((_column, index) => `c${index}`).join(', ')})`;
      },
      sqliteInsert: async () => {
        const byColumn = columns.map(valuesOf);
        const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / columns.length));
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        for (let start = 0; start < rows.length; start += perStatement) {
          const count = Math.min(perStatement, rows.length - start);
          const parameters: unknown[] = [];
          for (let row = start; row < start + count; row++) for (const values of byColumn) parameters.push(values[row]);
          await manager.query(`INSERT INTO ${table} (${names}) VALUES ${Array.from({ length: count }, () => tuple).join(', ')}`, parameters);
        }
      },
    };
  }

  /** `patch` may set a column from SQL (`{ version: () => 'version + 1' }`). */
  async update(where: FindOptionsWhere<E>, patch: Patch<E>): Promise<number> {
    const result = await this.repository.update(this.scopeOne(where), patch as never);
    return result.affected ?? 0;
  }

  /**
   * update() that also returns some columns of every row it changed, in one statement on both drivers
   * (`UPDATE … RETURNING`) and without the query builder, for hot paths: a read-modify-write with no
   * SELECT … FOR UPDATE before it (the row stays locked until the transaction ends). `where` takes
   * values, or lists of values (IN); `patch` values, or SQL expressions as functions.
   */
  async updateReturning<K extends keyof E & string>(where: { [P in keyof E]?: E[P] | E[P][] }, patch: Patch<E>, returning: K[]): Promise<Pick<E, K>[]> {
    const driver = this.repository.manager.connection.driver;
    const parameters: unknown[] = [];
    const bind = (column: ColumnMetadata, value: unknown) => {
      parameters.push(driver.preparePersistentValue(value, column));
      return this.placeholder(parameters.length);
    };
    const assignments = Object.entries(patch)
      .filter(([, value]) => value !== undefined)
      .map(([property, value]) => {
        const column = this.column(property);
        return `${driver.escape(column.databaseName)} = ${typeof value === 'function' ? (value as () => string)() : bind(column, value)}`;
      });
    const conditions = Object.entries({ ...where, tenantId: this.tenantId }).map(([property, value]) => {
      const column = this.column(property);
      const name = driver.escape(column.databaseName);
      return Array.isArray(value) ? `${name} IN (${value.map((item) => bind(column, item)).join(', ')})` : `${name} = ${bind(column, value)}`;
    });
    const selected = returning.map((property) => this.column(property));
    const result: unknown[] = await this.repository.manager.query(
      `UPDATE ${driver.escape(this.repository.metadata.tableName)} SET ${assignments.join(', ')} WHERE ${conditions.join(' AND ')} RETURNING ${selected.map((column) => driver.escape(column.databaseName)).join(', ')}`,
      parameters,
    );
    // TypeORM answers an UPDATE on PostgreSQL with [rows, count], on SQLite with the rows.
    const rows = (this.isPostgres ? result[0] : result) as ObjectLiteral[];
    return rows.map((row) => Object.fromEntries(selected.map((column) => [column.propertyName, driver.prepareHydratedValue(row[column.databaseName], column)])) as Pick<E, K>);
  }

  /**
   * Updates rows by id, each with its own values of the same columns, where `where` (plain values) also holds: on
   * PostgreSQL in one statement (`UPDATE … FROM unnest(…)`, values cast by their columns' types, as
   * insertBulk does), on SQLite, which has no round trips to save, one UPDATE per row. Returns how many
   * rows changed.
   */
  async updateEach<K extends keyof E & string>(rows: (Pick<E, 'id'> & Pick<E, K>)[], columns: K[], where: { [P in keyof E]?: E[P] } = {}): Promise<number> {
    if (rows.length === 0) return 0;
    if (!this.isPostgres) {
      let changed = 0;
      for (const row of rows) changed += await this.update({ ...where, id: row.id } as FindOptionsWhere<E>, Object.fromEntries(columns.map((column) => [column, row[column]])) as never);
      return changed;
    }
    const driver = this.repository.manager.connection.driver;
    const id = this.column('id');
    const targets = columns.map((property) => this.column(property));
    const arrays = [id, ...targets].map((column) => rows.map((row) => asPostgresText(driver.preparePersistentValue(column.getEntityValue(row as ObjectLiteral), column))));
    const parameters: unknown[] = [...arrays, this.tenantId];
    const conditions = Object.entries(where).map(([property, value]) => {
      const column = this.column(property);
      parameters.push(driver.preparePersistentValue(value, column));
      return `t.${driver.escape(column.databaseName)} = $${parameters.length}`;
    });
    const table = driver.escape(this.repository.metadata.tableName);
    const names = [id, ...targets].map((_column, index) => `c${index}`).join(', ');
    const assignments = targets.map((column, index) => `${driver.escape(column.databaseName)} = v.c${index + 1}::${driver.normalizeType(column)}`).join(', ');
    const [, changed] = (await this.repository.manager.query(
      `UPDATE ${table} t SET ${assignments} FROM unnest(${arrays.map((_values, index) => `$${index + 1}::text[]`).join(', ')}) AS v(${names}) WHERE t.tenant_id = $${arrays.length + 1} AND t.${driver.escape(id.databaseName)} = v.c0::${driver.normalizeType(id)}${conditions.map((condition) => ` AND ${condition}`).join('')}`,
      parameters,
    )) as [unknown, number];
    return changed;
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

  private column(property: string): ColumnMetadata {
    const column = this.repository.metadata.findColumnWithPropertyName(property);
    if (column === undefined) throw new Error(`${this.repository.metadata.tableName} has no column for ${property}`);
    return column;
  }

  private placeholder(position: number): string {
    return this.isPostgres ? `$${position}` : '?';
  }

  private get isPostgres(): boolean {
    return this.repository.manager.connection.options.type === 'postgres';
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

/** SQLite's default bound-parameter limit is 32,766; stay well under it. */
const SQLITE_MAX_PARAMETERS = 30_000;

function columnDefault(column: ColumnMetadata): unknown {
  if (column.default !== undefined) return typeof column.default === 'function' ? undefined : column.default;
  if (column.isNullable) return null;
  throw new Error(`insertBulk: no value for ${column.entityMetadata.tableName}.${column.databaseName}`);
}

/** Every value travels as text in a text[] and is cast back by the column's own type. */
function asPostgresText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
