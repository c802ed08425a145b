/** Events per minute over the last hour: 60 bars, the newest on the right. */
export function MinuteChart({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const width = 240;
  const height = 48;
  const bar = width / values.length;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-12 w-full" preserveAspectRatio="none">
      <rect x={0} y={height - 1} width={width} height={1} fill="#cbd5e1" />
      {values.map((value, i) => {
        const h = value === 0 ? 0 : Math.max(2, (value / max) * (height - 2));
        return <rect key={i} x={i * bar + 0.5} y={height - 1 - h} width={Math.max(1, bar - 1)} height={h} fill="#1257a8" />;
      })}
    </svg>
  );
}
