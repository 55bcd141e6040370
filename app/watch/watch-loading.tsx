// While the stream starts (and the boundary where link prefetching stops: a prefetch never takes a stream). The
// boundary sits under each watch route's layout, which checks the id first: an unknown one is answered 404 before
// anything streams.
export function WatchLoading() {
  return (
    <div className="fixed inset-0 flex items-center justify-center bg-black" aria-label="Loading">
      <div className="size-14 animate-spin rounded-full border-4 border-white/20 border-t-brand" />
    </div>
  );
}
