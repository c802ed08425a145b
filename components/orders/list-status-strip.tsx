'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The row of status chips: on a phone it scrolls sideways, so the chosen chip is brought into
 * view (centred when it can be) whenever the choice changes. Without scripts the row still works,
 * only unscrolled.
 */
export function ListStatusStrip({ current, className, children }: { current: string; className: string; children: ReactNode }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = ref.current;
    const chip = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !chip || list.scrollWidth <= list.clientWidth) return;
    list.scrollLeft = Math.max(0, chip.offsetLeft - (list.clientWidth - chip.offsetWidth) / 2);
  }, [current]);
  return (
    <ul ref={ref} className={className}>
      {children}
    </ul>
  );
}
