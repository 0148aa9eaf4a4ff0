export * from './ids';
export * from './result';
export * from './clock';
export * from './money';
export * from './errors';
export * from './machine';
export * from './hash';
export * from './calendar';
