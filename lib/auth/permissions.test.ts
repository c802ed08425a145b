import { describe, expect, it } from 'vitest';
import { ROLES } from '@/drizzle/schema/values';
import { areaOfPath, can, canEnterArea, homeAreaOf } from './permissions';

describe('permissions', () => {
  it('lands every role in an area it may enter', () => {
    for (const role of ROLES) expect(canEnterArea(role, homeAreaOf(role))).toBe(true);
  });

  it('keeps dealers out of the factory and claims areas and staff out of the dealer area', () => {
    expect(canEnterArea('dealer_owner', 'factory')).toBe(false);
    expect(canEnterArea('dealer_staff', 'claims')).toBe(false);
    expect(canEnterArea('claims', 'dealer')).toBe(false);
    expect(canEnterArea('factory', 'claims')).toBe(false);
    expect(canEnterArea('admin', 'dealer')).toBe(false);
  });

  it('lets only the claims desk decide claims and only factory roles publish', () => {
    expect(can({ role: 'claims' }, 'claims.decide')).toBe(true);
    expect(can({ role: 'dealer_owner' }, 'claims.decide')).toBe(false);
    expect(can({ role: 'factory' }, 'announcements.publish')).toBe(true);
    expect(can({ role: 'claims' }, 'announcements.publish')).toBe(false);
    expect(can(null, 'catalog.read')).toBe(false);
  });

  it('reads the area from a path', () => {
    expect(areaOfPath('/dealer/orders/1')).toBe('dealer');
    expect(areaOfPath('/claims')).toBe('claims');
    expect(areaOfPath('/dealers')).toBeNull();
    expect(areaOfPath('/login')).toBeNull();
  });
});
