import { v7 } from 'uuid';

/** Every id in Saler is a UUIDv7: time-ordered, so keyset pages and B-tree inserts stay local. */
export function newId(): string {
  return v7();
}
