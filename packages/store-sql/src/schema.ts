/**
 * The database schema as Kysely sees it. Each area declares its own tables next to its repository through
 * module augmentation (`declare module './schema.ts' { interface Database { … } }`), so that areas do not
 * edit one shared file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: extended by module augmentation in each repository file
export interface Database {}
