import { describe, expect, it } from 'vitest';
import { addDays, factoryToday } from '@/lib/calendar';
import { createClaimSchema, fieldErrorsOf, transitionSchema } from './schemas';

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : fieldErrorsOf(result.error!);
};

describe('claim schemas', () => {
  const claim = { orderNumber: '26-000001', category: 'defect', description: 'Скло тріснуло' };

  it('accepts a claim and trims its text', () => {
    expect(createClaimSchema.parse({ ...claim, description: '  Скло тріснуло  ', customerAddress: ' ' })).toEqual(claim);
    expect(createClaimSchema.parse({ ...claim, category: 'transit_damage', damageNotedOnDelivery: false, itemPosition: 2 })).toMatchObject({
      damageNotedOnDelivery: false,
      itemPosition: 2,
    });
  });

  it('names each bad field of a claim', () => {
    expect(errorsOf(createClaimSchema, { ...claim, category: 'broken' })).toEqual({ category: expect.stringContaining('category must be one of') });
    expect(errorsOf(createClaimSchema, { ...claim, itemPosition: '2' })).toEqual({ itemPosition: 'itemPosition must be a number' });
    expect(errorsOf(createClaimSchema, { ...claim, itemPosition: 1.5 })).toEqual({ itemPosition: 'itemPosition must be a whole number' });
    expect(errorsOf(createClaimSchema, { ...claim, description: '   ' })).toEqual({ description: 'description must not be empty' });
    expect(errorsOf(createClaimSchema, { ...claim, orderNumber: 7 })).toEqual({ orderNumber: 'orderNumber must be text' });
    expect(errorsOf(createClaimSchema, { ...claim, category: 'transit_damage' })).toEqual({ damageNotedOnDelivery: expect.stringContaining('required for transit_damage') });
    expect(errorsOf(createClaimSchema, { ...claim, damageNotedOnDelivery: true })).toEqual({ damageNotedOnDelivery: expect.stringContaining('only for transit_damage') });
    expect(errorsOf(createClaimSchema, { ...claim, colour: 'red' })).toEqual({ colour: 'colour is not a field of this request' });
    expect(errorsOf(createClaimSchema, [])).toEqual({ _: 'the body must be a JSON object' });
  });

  it('accepts each resolution with what it needs', () => {
    const visitDate = addDays(factoryToday(), 3);
    expect(transitionSchema.parse({ to: 'approved', resolution: { kind: 'repair', visitDate } }).resolution).toEqual({ kind: 'repair', visitDate });
    expect(transitionSchema.parse({ to: 'approved', resolution: { kind: 'replacement', scope: 'whole' } }).resolution).toEqual({ kind: 'replacement', scope: 'whole' });
    expect(transitionSchema.parse({ to: 'approved', resolution: { kind: 'compensation', amount: '1250.5' } }).resolution).toEqual({ kind: 'compensation', amount: '1250.5' });
    expect(transitionSchema.parse({ to: 'approved', resolution: { kind: 'refund' } }).resolution).toEqual({ kind: 'refund' });
    expect(transitionSchema.parse({ to: 'approved', comment: 'Один стулок', resolution: { kind: 'replacement', scope: 'part', partial: true } }).comment).toBe('Один стулок');
  });

  it('refuses a resolution that lacks or misstates something', () => {
    const bad = (resolution: unknown, extra: object = {}) => errorsOf(transitionSchema, { to: 'approved', resolution, ...extra });
    expect(bad({ kind: 'compensation' })).toEqual({ 'resolution.amount': expect.stringContaining('amount must be a decimal string') });
    expect(bad({ kind: 'compensation', amount: 100 })).toEqual({ 'resolution.amount': expect.stringContaining('amount must be a decimal string') });
    expect(bad({ kind: 'compensation', amount: '10.005' })).toEqual({ 'resolution.amount': expect.stringContaining('at most two decimals') });
    expect(bad({ kind: 'compensation', amount: '0.00' })).toEqual({ 'resolution.amount': 'amount must be more than zero' });
    expect(bad({ kind: 'compensation', amount: '-5' })).toEqual({ 'resolution.amount': expect.stringContaining('decimal string') });
    expect(bad({ kind: 'compensation', amount: '1e3' })).toEqual({ 'resolution.amount': expect.stringContaining('decimal string') });
    expect(bad({ kind: 'compensation', amount: '100', partial: true })).toEqual({ comment: expect.stringContaining('comment is required for a partial approval') });
    expect(bad({ kind: 'refund', amount: '100' })).toEqual({ 'resolution.amount': 'amount is not a field of this request' });
    expect(bad({ kind: 'repair' })).toEqual({ 'resolution.visitDate': expect.stringContaining('visitDate') });
    expect(bad({ kind: 'repair', visitDate: '2020-01-01' })).toEqual({ 'resolution.visitDate': 'visitDate must not be in the past' });
    expect(bad({ kind: 'repair', visitDate: '2026-02-30' })).toEqual({ 'resolution.visitDate': 'visitDate must be a date as YYYY-MM-DD' });
    expect(bad({ kind: 'repair', visitDate: addDays(factoryToday(), 2), partial: true })).toEqual({ 'resolution.partial': expect.any(String) });
    expect(bad({ kind: 'replacement' })).toEqual({ 'resolution.scope': expect.stringContaining('scope must be one of') });
    expect(bad({ kind: 'gift' })).toEqual({ 'resolution.kind': expect.stringContaining('resolution.kind must be one of') });
    expect(bad('compensation')).toEqual({ resolution: expect.any(String) });
    expect(bad(undefined)).toEqual({ resolution: expect.stringContaining('resolution is required') });
    expect(errorsOf(transitionSchema, { to: 'rejected', comment: 'x', resolution: { kind: 'refund' } })).toEqual({ resolution: 'resolution is given only with to: approved' });
    expect(errorsOf(transitionSchema, { to: 'done' })).toEqual({ to: expect.stringContaining('to must be one of') });
  });
});
