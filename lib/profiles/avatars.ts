// The avatar colours a profile can pick (shared by the API schema, the site's forms and the service).
export const AVATARS = ["red", "blue", "green", "yellow", "purple", "teal", "orange", "pink"] as const;
export type Avatar = (typeof AVATARS)[number];
