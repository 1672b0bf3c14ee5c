import { HttpStatus } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ProblemException } from '../http/problem';
import { CursorCodec } from './cursor-codec';
import { Page } from './page';

/** One way to sort a list: a column with a (tenant_id, column, id) index, read back from a row for the next cursor. */
export interface KeysetSort<E> {
  name: string;
  /** The SQL of the column, alias-qualified (`l.created_at`). */
  column: string;
  direction: 'ASC' | 'DESC';
  kind: 'date' | 'number';
  read(row: E): Date | number;
}

interface Position {
  s: string;
  v: string | number;
  id: string;
}

/**
 * Keyset pagination: `(column, id) < (:v, :id)` in the sort's direction, over an index that starts
 * with tenant_id, so page 1000 costs what page 1 costs. The cursor is tamper-checked and bound to
 * its sort: a cursor of one sort used with another is a 400.
 */
export async function keysetPage<E extends ObjectLiteral & { id: string }, V>(
  query: SelectQueryBuilder<E>,
  sort: KeysetSort<E>,
  idColumn: string,
  page: { limit: number; cursor?: string },
  cursors: CursorCodec,
  view: (row: E) => V,
): Promise<Page<V>> {
  if (page.cursor !== undefined) {
    const position = cursors.decode<Position & Record<string, string | number>>(page.cursor);
    if (position.s !== sort.name || typeof position.id !== 'string') {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'invalid-cursor', 'The cursor belongs to another sort order', { errors: [{ field: 'cursor', message: 'cursor does not match sort' }] });
    }
    // A Date parameter is written in each driver's own datetime form (SQLite keeps UTC text).
    const value = sort.kind === 'date' ? new Date(String(position.v)) : position.v;
    query.andWhere(`(${sort.column}, ${idColumn}) ${sort.direction === 'DESC' ? '<' : '>'} (:keysetValue, :keysetId)`, { keysetValue: value, keysetId: position.id });
  }
  const rows = await query
    .orderBy(sort.column, sort.direction)
    .addOrderBy(idColumn, sort.direction)
    .limit(page.limit + 1)
    .getMany();
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  const nextCursor = rows.length > page.limit && last !== undefined ? cursors.encode({ s: sort.name, v: positionValue(sort.read(last)), id: last.id }) : null;
  return { data: data.map(view), nextCursor };
}

function positionValue(value: Date | number): string | number {
  return value instanceof Date ? value.toISOString() : value;
}
