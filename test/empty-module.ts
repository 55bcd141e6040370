// Stands in for "server-only" in tests, which import server modules outside Next's react-server environment.
export {};
