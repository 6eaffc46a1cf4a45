export * from './cells';
export * from './disputes';
export * from './resolutions';
export * from './meetings';
export * from './topics';
