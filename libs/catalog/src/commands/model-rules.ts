import { Not } from 'typeorm';
import { TenantTx } from '@saler/platform';
import { fieldProblem, nameTaken } from '../domain/catalog-problems';
import { Model } from '../domain/model.entity';

export const modelNameTaken = (name: string, brand: string) => `${brand} already has a model named "${name}"`;

export function checkYears(yearFrom: number | null, yearTo: number | null): void {
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw fieldProblem('yearTo', 'yearTo must not be before yearFrom');
}

/** A model's name is unique within its brand (409). */
export async function checkModelName(tx: TenantTx, brandId: string, nameKey: string, message: string, exceptId?: string): Promise<void> {
  if (await tx.repository(Model).exists({ brandId, nameKey, ...(exceptId !== undefined ? { id: Not(exceptId) } : {}) })) throw nameTaken('name', message);
}
