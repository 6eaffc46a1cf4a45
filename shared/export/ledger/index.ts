export * from './cells';
export * from './disputes';
