import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CursorCodec, keysetPage, KeysetSort, Page } from '@saler/platform';

/** `{ limit, cursor }` of a list query. */
export interface PageInput {
  limit: number;
  cursor?: string;
}

/** Newest first over the (tenant_id, created_at, id) index every catalogue list has. */
export function newestFirst<E extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<E>,
  alias: string,
  page: PageInput,
  cursors: CursorCodec,
): Promise<Page<E>> {
  const sort: KeysetSort<E> = { name: 'createdAt', column: `${alias}.created_at`, direction: 'DESC', kind: 'date', read: (row) => row.createdAt };
  return keysetPage(query, sort, `${alias}.id`, page, cursors, (row) => row);
}
