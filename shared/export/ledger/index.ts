export * from './cells';
export * from './disputes';
export * from './resolutions';
