// While the stream starts (and the boundary where link prefetching stops: a prefetch never takes a stream).
export default function Loading() {
  return (
    <div className="fixed inset-0 flex items-center justify-center bg-black" aria-label="Loading">
      <div className="size-14 animate-spin rounded-full border-4 border-white/20 border-t-brand" />
    </div>
  );
}
