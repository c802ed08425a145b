import { describe, expect, it } from 'vitest';
import type { BatchFacts } from './facts';
import { contractPayload, emissionsFor, parseAudience } from './route';

const noFacts: BatchFacts = { claims: new Map(), messages: new Map(), shipments: new Map(), orderDealers: new Map(), previousStatus: new Map() };

describe('realtime routing', () => {
  it('sends exactly the contract payload of a contract event, anything else as it is', () => {
    expect(contractPayload('order.status', { number: '1', status: 'shipped', occurredAt: 'x', dealerId: 3, secret: 'no' })).toEqual({
      number: '1',
      status: 'shipped',
      occurredAt: 'x',
    });
    expect(contractPayload('catalog.updated', { partNumber: 'P-1' })).toEqual({ partNumber: 'P-1' });
  });

  it('reads every audience shape and ignores what is not one', () => {
    expect(parseAudience({ dealerId: 3, dealerIds: [3, '4', -1, 'x'], roles: ['admin', 'root'], userId: 'u1', claim: 10001 })).toEqual({
      dealerIds: [3, 4],
      roles: ['admin'],
      userIds: ['u1'],
      claims: ['10001'],
    });
    expect(parseAudience({})).toEqual({ dealerIds: [], roles: [], userIds: [], claims: [] });
  });

  it('sends a row with no one to hear it nowhere, and a claim event for an unknown claim nowhere', () => {
    expect(emissionsFor({ id: 1, event: 'order.updated', payload: { number: '1' }, audience: {} }, noFacts)).toEqual([]);
    expect(emissionsFor({ id: 2, event: 'claim.updated', payload: { number: '1', status: 'closed' }, audience: { dealerId: 3 } }, noFacts)).toEqual([]);
    expect(emissionsFor({ id: 3, event: 'notification', payload: { id: 1, type: 't', title: 'x', importance: 'normal' }, audience: { userId: 'u' } }, noFacts)).toEqual([
      { event: 'notification', payload: { id: 1, type: 't', title: 'x', importance: 'normal' }, rooms: ['user:u'] },
    ]);
  });
});
