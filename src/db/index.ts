export * from './connection';
export * from './lock';
export * from './migrate';
export * from './audit';
export * from './outbox';
