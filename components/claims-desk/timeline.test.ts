import { describe, expect, it } from 'vitest';
import type { ClaimDetail } from '@/lib/claims/detail';
import { claimTimeline, moveOf } from './timeline';

const dealer = { name: 'Олег', side: 'dealer' as const };
const desk = { name: 'Ірина', side: 'factory' as const };
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));

function attachment(id: string, messageId: number | null, minute: number): ClaimDetail['attachments'][number] {
  return { id, messageId, fileName: `${id}.jpg`, mimeType: 'image/jpeg', sizeBytes: 1000, widthPx: 10, heightPx: 10, createdAt: at(minute), url: `/api/v1/attachments/${id}` };
}

describe('moveOf', () => {
  it('names each move of the workflow by where it went and who made it', () => {
    expect(moveOf(null, 'submitted', dealer)).toBe('filed');
    expect(moveOf('submitted', 'in_review', desk)).toBe('taken');
    expect(moveOf('in_review', 'info_requested', desk)).toBe('info_requested');
    expect(moveOf('info_requested', 'in_review', dealer)).toBe('answered');
    expect(moveOf('info_requested', 'in_review', desk)).toBe('resumed');
    expect(moveOf('in_review', 'approved', desk)).toBe('approved');
    expect(moveOf('in_review', 'rejected', desk)).toBe('rejected');
    expect(moveOf('rejected', 'in_review', dealer)).toBe('appealed');
    expect(moveOf('approved', 'resolved', desk)).toBe('resolved');
    expect(moveOf('resolved', 'closed', desk)).toBe('closed');
    expect(moveOf('rejected', 'closed', desk)).toBe('closed');
    expect(moveOf('info_requested', 'closed', dealer)).toBe('withdrawn');
  });
});

describe('claimTimeline', () => {
  it('merges moves, messages, notes, hand-overs and photos in time order without saying a decision twice', () => {
    const timeline = claimTimeline({
      history: [
        { from: null, to: 'submitted', at: at(0), comment: null, actor: dealer },
        { from: 'submitted', to: 'in_review', at: at(10), comment: null, actor: desk },
        { from: 'in_review', to: 'info_requested', at: at(11), comment: 'Фото ущільнювача?', actor: desk },
        { from: 'info_requested', to: 'in_review', at: at(20), comment: null, actor: dealer },
      ],
      messages: [
        { id: 1, body: 'Фото ущільнювача?', internal: false, createdAt: at(11), author: desk },
        { id: 2, body: 'Ось фото', internal: false, createdAt: at(20), author: dealer },
        { id: 3, body: 'Та сама партія', internal: true, createdAt: at(21), author: desk },
      ],
      assignments: [
        { at: at(0), assigneeName: 'Наталія', byName: 'Олег', automatic: true },
        { at: at(10), assigneeName: 'Ірина', byName: 'Ірина', automatic: false },
      ],
      attachments: [attachment('a', null, 0), attachment('b', null, 0), attachment('c', 2, 20), attachment('d', null, 30)],
    });
    expect(timeline.map((e) => (e.kind === 'status' ? e.move : e.kind))).toEqual([
      'filed',
      'assignment',
      'photos',
      'taken',
      'assignment',
      'info_requested',
      'answered',
      'message',
      'message',
      'photos',
    ]);
    expect(timeline[2]).toMatchObject({ kind: 'photos', count: 2 });
    expect(timeline[4]).toMatchObject({ kind: 'assignment', taken: true });
    expect(timeline[1]).toMatchObject({ kind: 'assignment', automatic: true, taken: false });
    expect(timeline[7]).toMatchObject({ kind: 'message', body: 'Ось фото', photos: 1, internal: false });
    expect(timeline[8]).toMatchObject({ kind: 'message', internal: true });
    expect(timeline[9]).toMatchObject({ kind: 'photos', count: 1 });
  });
});
