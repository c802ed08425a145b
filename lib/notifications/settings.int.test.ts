import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationSettings } from '@/drizzle/schema';
import { createDealer, createUser, type TestUser } from '@/lib/realtime/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { DEFAULT_DELIVERY_SETTINGS, getDeliverySettings, saveDeliverySettings } from './settings';

// The owner's e-mail mode and quiet hours: kept as chosen, every bad input refused with the field
// at fault and nothing changed, and only ever the signed-in owner's own row.

describe('delivery settings', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  let me: TestUser;
  let other: TestUser;
  const rows = () => db().select().from(notificationSettings).orderBy(notificationSettings.userId);

  beforeAll(async () => {
    database = await createTestDatabase();
    me = await createUser(db(), 'dealer_owner', { dealerId: await createDealer(db(), 'ST-1') });
    other = await createUser(db(), 'claims');
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await db().delete(notificationSettings);
  });

  it('answers the defaults until the owner saves, then what he saved', async () => {
    expect(await getDeliverySettings(db(), me)).toEqual(DEFAULT_DELIVERY_SETTINGS);
    expect(await saveDeliverySettings(db(), me, { emailMode: 'daily', quiet: true, quietFrom: '22:00', quietTo: '07:30' })).toEqual({ ok: true });
    expect(await getDeliverySettings(db(), me)).toEqual({ emailMode: 'daily', quietFrom: '22:00', quietTo: '07:30' });
    const [row] = await rows();
    expect(row).toMatchObject({ userId: me.userId, emailMode: 'daily', quietFrom: 22 * 60, quietTo: 7 * 60 + 30 });

    // Quiet hours off again: both ends cleared, whatever the time fields still hold.
    expect(await saveDeliverySettings(db(), me, { emailMode: 'weekly', quiet: false, quietFrom: '22:00', quietTo: '' })).toEqual({ ok: true });
    expect(await getDeliverySettings(db(), me)).toEqual({ emailMode: 'weekly', quietFrom: null, quietTo: null });
  });

  it('keeps the time of the last digest when the mode changes', async () => {
    const last = new Date('2026-11-30T05:00:00Z');
    await db().insert(notificationSettings).values({ userId: me.userId, emailMode: 'daily', lastDigestAt: last });
    await saveDeliverySettings(db(), me, { emailMode: 'weekly' });
    const [row] = await rows();
    expect(row?.lastDigestAt?.getTime()).toBe(last.getTime());
  });

  it('refuses bad input with the field at fault and changes nothing', async () => {
    await saveDeliverySettings(db(), me, { emailMode: 'daily', quiet: true, quietFrom: '23:00', quietTo: '06:00' });
    const before = await rows();
    const cases: [unknown, Record<string, string>][] = [
      [{ emailMode: 'hourly' }, { emailMode: 'emailMode' }],
      [{}, { emailMode: 'emailMode' }],
      [{ emailMode: 'daily', quiet: true, quietFrom: '22:00', quietTo: '' }, { quietTo: 'required' }],
      [{ emailMode: 'daily', quiet: true, quietFrom: '', quietTo: '' }, { quietFrom: 'required', quietTo: 'required' }],
      [{ emailMode: 'daily', quiet: true, quietFrom: '24:00', quietTo: '7:00' }, { quietFrom: 'time', quietTo: 'time' }],
      [{ emailMode: 'daily', quiet: true, quietFrom: '22:00:00', quietTo: 'late' }, { quietFrom: 'time', quietTo: 'time' }],
      [{ emailMode: 'daily', quiet: true, quietFrom: '22:00', quietTo: '22:00' }, { quietTo: 'same' }],
    ];
    for (const [input, fields] of cases) {
      expect(await saveDeliverySettings(db(), me, input)).toEqual({ ok: false, error: 'invalid', fields });
    }
    // A field of the wrong kind: refused, told by the form's general error.
    expect(await saveDeliverySettings(db(), me, { emailMode: 'daily', quiet: 'yes' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await rows()).toEqual(before);
  });

  it('changes only the signed-in owner’s row: a user id in the input is not read', async () => {
    await saveDeliverySettings(db(), other, { emailMode: 'immediate' });
    const result = await saveDeliverySettings(db(), me, { userId: other.userId, emailMode: 'weekly' });
    expect(result).toEqual({ ok: true });
    expect((await getDeliverySettings(db(), other)).emailMode).toBe('immediate');
    expect((await getDeliverySettings(db(), me)).emailMode).toBe('weekly');
    expect(await saveDeliverySettings(db(), null, { emailMode: 'daily' })).toEqual({ ok: false, error: 'forbidden' });
    expect(await saveDeliverySettings(db(), { userId: '', role: 'admin' }, { emailMode: 'daily' })).toEqual({ ok: false, error: 'forbidden' });
    expect((await rows()).map((r) => r.userId).sort()).toEqual([me.userId, other.userId].sort());
  });
});
