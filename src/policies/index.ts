export * from './policies.model';
export { createPolicyService, type PolicyService, type PolicyDeps } from './policies.service';
