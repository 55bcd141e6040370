// The pictures a profile can pick (public/avatars/<id>.svg, drawn for NormFlix), shared by the API schema, the site's
// forms and the service.
export const AVATARS = ["fox", "cat", "owl", "panda", "frog", "robot", "alien", "ghost", "penguin", "octopus"] as const;
export type Avatar = (typeof AVATARS)[number];

// Before there were pictures a profile chose a colour (the database's default is still "red"). Those values stay
// valid through the API, stored as sent, and each shows one of the pictures.
const COLOURS = { red: "fox", blue: "penguin", green: "frog", yellow: "cat", purple: "owl", teal: "robot", orange: "panda", pink: "octopus" } as const;

/** Every value the API accepts for `avatar`: the pictures, then the earlier colours. */
export const ACCEPTED_AVATARS = [...AVATARS, ...(Object.keys(COLOURS) as Array<keyof typeof COLOURS>)] as const;
export type AcceptedAvatar = (typeof ACCEPTED_AVATARS)[number];

/** The picture a stored avatar shows (an unknown value: the first). */
export function avatarPicture(value: string): Avatar {
  if ((AVATARS as readonly string[]).includes(value)) return value as Avatar;
  return COLOURS[value as keyof typeof COLOURS] ?? AVATARS[0];
}
