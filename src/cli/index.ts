export * from './backend';
export * from './program';
export * from './import.command';
export * from './seed.command';
export * from './worker.command';
export * from './backup.command';
export * from './demo.loader';
export { formatTally, type Tally } from './batch.sender';
