import { HttpStatus } from '@nestjs/common';
import type { FindOptionsWhere } from 'typeorm';
import { newId, ProblemException, TenantTx } from '@saler/platform';
import { BasePrice } from '../domain/base-price.entity';
import { parseValidFrom } from '../domain/catalog-import-row';
import { fieldProblem } from '../domain/catalog-problems';
import { ModelPrice } from '../domain/model-price.entity';
import { CatalogValueError, currencyExponent } from '../domain/money';
import { OptionPrice } from '../domain/option-price.entity';
import { decideNewPrice } from '../domain/price-history';
import { uniquely } from './catalog-store';
import { PriceRequest } from './price.request';

type PriceEntity = BasePrice | ModelPrice | OptionPrice;
/** The key a price row belongs to: (category, body type), (model, category) or (option). */
export type PriceKey<E extends PriceEntity> = Omit<E, 'tenantId' | 'id' | 'amountMinor' | 'currency' | 'validFrom' | 'createdAt' | 'category' | 'bodyType' | 'model' | 'option'>;

function readInput(input: PriceRequest, now: Date): { amountMinor: number; currency: string; validFrom: Date } {
  try {
    currencyExponent(input.currency);
    return { amountMinor: input.amountMinor, currency: input.currency, validFrom: input.validFrom !== undefined ? parseValidFrom(input.validFrom) : now };
  } catch (error) {
    if (error instanceof CatalogValueError) throw fieldProblem(error.field, error.message);
    throw error;
  }
}

const exists = () => 'This price already exists (the same amount from the same validFrom)';

/**
 * Adds a price row to a key, never changing one: the same row again, another amount at the same
 * validFrom, or a start in the past once the key has prices are 409s (see decideNewPrice).
 */
export async function addPrice<E extends PriceEntity>(tx: TenantTx, target: new () => E, key: PriceKey<E>, input: PriceRequest): Promise<E> {
  const now = new Date();
  const candidate = readInput(input, now);
  const repository = tx.repository(target);
  const existing = await repository.find({ where: key as FindOptionsWhere<E> });
  const decision = decideNewPrice(existing, candidate, now);
  if (decision.kind === 'unchanged') throw new ProblemException(HttpStatus.CONFLICT, 'price-exists', exists());
  if (decision.kind === 'refuse') throw new ProblemException(HttpStatus.CONFLICT, decision.slug, decision.reason, { errors: [{ field: 'validFrom', message: decision.reason }] });
  const row = { tenantId: tx.tenantId, id: newId(), ...key, ...candidate, createdAt: now } as E;
  await uniquely(() => repository.insert(row as never), 'validFrom', exists());
  return row;
}
