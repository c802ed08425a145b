/** A `tel:` link big enough for a thumb: the driver one tap away. */
export function CallDriverLink({ phone, label }: { phone: string; label: string }) {
  return (
    <a
      href={`tel:${phone.replace(/[^+\d]/g, '')}`}
      className="inline-flex min-h-11 max-w-full items-center gap-2 rounded-lg bg-brand-50 px-3 font-medium break-all text-brand-800 hover:bg-brand-100"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-current">
        <path d="M3.6 2.2a1.5 1.5 0 0 1 1.7-.4l2.3 1a1.5 1.5 0 0 1 .8 1.8l-.6 2a1 1 0 0 0 .3 1l3.3 3.3a1 1 0 0 0 1 .3l2-.6a1.5 1.5 0 0 1 1.8.8l1 2.3a1.5 1.5 0 0 1-.4 1.7l-1.4 1.3a3 3 0 0 1-2.9.7C8.4 16 4 11.6 2.6 7.1a3 3 0 0 1 .7-2.9z" />
      </svg>
      {label}
    </a>
  );
}
