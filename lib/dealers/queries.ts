import 'server-only';
import { eq } from 'drizzle-orm';
import { dealers } from '@/drizzle/schema';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';

/** The signed-in dealer's own card: name, code, payer category, currency. */
export async function getOwnDealer(db: DbOrTx, scope: DealerScope) {
  const dealerId = assertDealerScope(scope);
  const [row] = await db
    .select({
      code: dealers.code,
      name: dealers.name,
      town: dealers.town,
      region: dealers.region,
      currency: dealers.currency,
      payerCategory: dealers.payerCategory,
    })
    .from(dealers)
    .where(eq(dealers.id, dealerId));
  if (!row) throw new Error(`Dealer ${dealerId} of a signed-in user does not exist`);
  return row;
}
