// Server-sent event streams for every live feature: see README, "Realtime".
export { publish, startRealtimeRetention } from "./publish";
export { endAllSubscribers as endRealtimeStreams, subscriberCount, type RealtimeEvent } from "./registry";
export { eventStream, lastEventIdOf, type EventStreamOptions, type SnapshotFeed } from "./stream";
