// The database schema, one file per area; drizzle-kit and the services import it from here.
export * from './tables/people';
export * from './tables/conversations';
export * from './tables/messages';
export * from './tables/operations';
export * from './tables/supervision';
export * from './tables/sentiment';
export * from './tables/metricFacts';
export * from './tables/metricRollups';
export * from './tables/liveBoard';
export * from './tables/reviews';
export * from './tables/alerts';
