// The whole schema, one file per domain. drizzle-kit reads the domain files directly
// (drizzle.config.ts); the app imports this module to type its single client.
export * from './enums';
export * from './dealers';
export * from './orders';
export * from './finance';
export * from './claims';
export * from './announcements';
export * from './sync';
export * from './mail';
