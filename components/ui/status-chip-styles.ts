import type { ClaimStatus, OrderStatus, ShipmentStatus } from '@/drizzle/schema/values';

// The factory's design rule: a status reads at a glance by colour, by name and by the chip's
// length and shape together. Colours are explicit hex pairs so a test can prove WCAG AA
// contrast (text on background ≥ 4.5:1) for every one.

export type ChipStyle = {
  background: string;
  text: string;
  border: string;
  /** Minimum width in rem: longer as an order or trip gets further along. */
  minWidthRem: number;
  /** For orders and trips: how many of the stage dots are filled. */
  stage?: number;
  shape: 'pill' | 'square' | 'dashed';
};

export const ORDER_STAGES = 5;

export const orderStatusStyles: Record<OrderStatus, ChipStyle> = {
  accepted: { background: '#E0F2FE', text: '#075985', border: '#7DD3FC', minWidthRem: 6.5, stage: 1, shape: 'pill' },
  in_production: { background: '#FEF3C7', text: '#92400E', border: '#FCD34D', minWidthRem: 8, stage: 2, shape: 'pill' },
  manufactured: { background: '#EDE9FE', text: '#5B21B6', border: '#C4B5FD', minWidthRem: 9.5, stage: 3, shape: 'pill' },
  shipped: { background: '#DBEAFE', text: '#1E40AF', border: '#93C5FD', minWidthRem: 11, stage: 4, shape: 'pill' },
  delivered: { background: '#DCFCE7', text: '#166534', border: '#86EFAC', minWidthRem: 12.5, stage: 5, shape: 'pill' },
  cancelled: { background: '#F3F4F6', text: '#374151', border: '#9CA3AF', minWidthRem: 6, shape: 'dashed' },
};

export const SHIPMENT_STAGES = 4;

export const shipmentStatusStyles: Record<ShipmentStatus, ChipStyle> = {
  planned: { background: '#F1F5F9', text: '#334155', border: '#CBD5E1', minWidthRem: 6.5, stage: 1, shape: 'pill' },
  loading: { background: '#FFEDD5', text: '#9A3412', border: '#FDBA74', minWidthRem: 8, stage: 2, shape: 'pill' },
  in_transit: { background: '#DBEAFE', text: '#1E40AF', border: '#93C5FD', minWidthRem: 9.5, stage: 3, shape: 'pill' },
  delivered: { background: '#DCFCE7', text: '#166534', border: '#86EFAC', minWidthRem: 11, stage: 4, shape: 'pill' },
};

export const claimStatusStyles: Record<ClaimStatus, ChipStyle> = {
  submitted: { background: '#E0F2FE', text: '#075985', border: '#7DD3FC', minWidthRem: 6.5, shape: 'pill' },
  in_review: { background: '#EDE9FE', text: '#5B21B6', border: '#C4B5FD', minWidthRem: 7.5, shape: 'pill' },
  info_requested: { background: '#FFEDD5', text: '#9A3412', border: '#FB923C', minWidthRem: 10, shape: 'square' },
  approved: { background: '#CCFBF1', text: '#115E59', border: '#5EEAD4', minWidthRem: 8, shape: 'pill' },
  rejected: { background: '#FEE2E2', text: '#991B1B', border: '#FCA5A5', minWidthRem: 8.5, shape: 'square' },
  resolved: { background: '#DCFCE7', text: '#166534', border: '#86EFAC', minWidthRem: 9, shape: 'pill' },
  closed: { background: '#F3F4F6', text: '#374151', border: '#9CA3AF', minWidthRem: 6, shape: 'dashed' },
};

/** WCAG 2.x contrast ratio of two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r = 0, g = 0, bl = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
