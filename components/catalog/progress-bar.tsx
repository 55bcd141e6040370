/** How far into an item a profile is; the label says it in words for screen readers. */
export function ProgressBar({ percent, label, className = "" }: { percent: number; label: string; className?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={`h-1 w-full overflow-hidden rounded-full bg-neutral-600 ${className}`}
    >
      <div className="h-full bg-brand" style={{ width: `${value}%` }} />
    </div>
  );
}
