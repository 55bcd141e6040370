// Shared by the API schema and the site's chat box.
export const MESSAGE_MAX_CHARS = 500;
