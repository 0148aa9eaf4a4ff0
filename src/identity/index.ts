export * from './identity.model';
export { createIdentityService, principalActor, type IdentityService, type IdentityDeps } from './identity.service';
