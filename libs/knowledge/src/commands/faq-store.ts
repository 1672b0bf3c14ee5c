import { TenantTx } from '@saler/platform';
import { Faq } from '../domain/faq.entity';
import { notFound } from '../domain/knowledge-problems';

/** An FAQ named in the path: 404 when this tenant has none with that id. */
export async function loadFaq(tx: TenantTx, id: string): Promise<Faq> {
  const faq = await tx.repository(Faq).findOne({ id });
  if (faq === null) throw notFound('FAQ');
  return faq;
}
