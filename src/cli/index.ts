export * from './backend';
export * from './program';
