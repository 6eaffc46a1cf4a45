export * from './layout';
export * from './text';
export * from './primitives';
export * from './document';
export * from './dispute-application';
