import { useTranslations } from 'next-intl';
import type { ClaimStatus, OrderStatus, ShipmentStatus } from '@/drizzle/schema/values';
import {
  claimStatusStyles,
  ORDER_STAGES,
  orderStatusStyles,
  SHIPMENT_STAGES,
  shipmentStatusStyles,
  type ChipStyle,
} from './status-chip-styles';

type Props =
  | { kind: 'order'; status: OrderStatus }
  | { kind: 'shipment'; status: ShipmentStatus }
  | { kind: 'claim'; status: ClaimStatus };

/** The one status chip of the portal: orders, trips and claims. */
export function StatusChip(props: Props) {
  const t = useTranslations('status');
  const style: ChipStyle =
    props.kind === 'order'
      ? orderStatusStyles[props.status]
      : props.kind === 'shipment'
        ? shipmentStatusStyles[props.status]
        : claimStatusStyles[props.status];
  const stages = props.kind === 'order' ? ORDER_STAGES : props.kind === 'shipment' ? SHIPMENT_STAGES : 0;
  const radius = style.shape === 'pill' ? 'rounded-full' : 'rounded-sm';
  return (
    <span
      data-status={props.status}
      className={`inline-flex items-center justify-between gap-2 border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${radius} ${style.shape === 'dashed' ? 'border-dashed' : ''}`}
      style={{ backgroundColor: style.background, color: style.text, borderColor: style.border, minWidth: `${style.minWidthRem}rem` }}
    >
      <span>{t(`${props.kind}.${props.status}`)}</span>
      {style.stage !== undefined && stages > 0 ? (
        <span aria-hidden="true" className="flex gap-0.5">
          {Array.from({ length: stages }, (_, i) => (
            <span
              key={i}
              className="h-1.5 w-1.5 rounded-full"
              style={{ backgroundColor: i < (style.stage ?? 0) ? style.text : style.border }}
            />
          ))}
        </span>
      ) : null}
    </span>
  );
}
