// The server draws the pictures of demo and generated catalogs itself, at /placeholders/{name}.svg
// (src/web/placeholder.ts); this is the rule for their names, shared by those who write them.

/** Names of drawn pictures: letters, digits and hyphens. */
export const PLACEHOLDER_NAME = /^[a-z0-9-]{1,80}$/;
