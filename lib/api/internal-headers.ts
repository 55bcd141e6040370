// Headers the custom server (server.ts) sets for route handlers after stripping any a client sent.
export const GET_BODY_HEADER = "x-normflix-get-body";
export const CLIENT_IP_HEADER = "x-normflix-client-ip";
export const INTERNAL_HEADERS = [GET_BODY_HEADER, CLIENT_IP_HEADER] as const;
