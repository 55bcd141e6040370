// Inline icons (no icon font, no extra request). Decorative: the control around each one carries the label.

const paths = {
  play: "M7 4.5v15a.75.75 0 0 0 1.14.64l12.2-7.5a.75.75 0 0 0 0-1.28L8.14 3.86A.75.75 0 0 0 7 4.5Z",
  info: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm-1 6v7h2v-7h-2Zm0-3v2h2V7h-2Z",
  plus: "M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6V5Z",
  check: "M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7l-9.2 9.2Z",
  thumbUp:
    "M2 21h3V10H2v11Zm19-9.5A2.5 2.5 0 0 0 18.5 9h-5.3l.8-3.9v-.3c0-.5-.2-.9-.5-1.2L12.4 2.5 6.9 8A2 2 0 0 0 6.3 9.5V19a2 2 0 0 0 2 2h8.2c.8 0 1.5-.5 1.8-1.2l2.5-5.9c.1-.2.2-.5.2-.8v-1.6Z",
  thumbDown:
    "M22 3h-3v11h3V3ZM3 12.5A2.5 2.5 0 0 0 5.5 15h5.3l-.8 3.9v.3c0 .5.2.9.5 1.2l1.1 1.1 5.5-5.5c.4-.4.6-.9.6-1.5V5a2 2 0 0 0-2-2H7.5c-.8 0-1.5.5-1.8 1.2L3.2 10.1c-.1.2-.2.5-.2.8v1.6Z",
  close: "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z",
  chevronLeft: "M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12l6.6-6.6Z",
  chevronRight: "m8.6 5.4 1.4-1.4 8 8-8 8-1.4-1.4 6.6-6.6-6.6-6.6Z",
  pause: "M7 5h3.5v14H7V5Zm6.5 0H17v14h-3.5V5Z",
  search: "M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = "size-5" }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={`shrink-0 fill-current ${className}`}>
      <path d={paths[name]} />
    </svg>
  );
}
