export * from './analytics.model';
export { createAnalyticsService, scoreSellers, ANALYTICS_READERS, ANALYTICS_REFRESHERS, type AnalyticsService, type AnalyticsDeps } from './analytics.service';
export { peerPositions, smoothedRate, Z_LIMIT, type PeerPosition } from './peers';
export type { SellerCounts } from './analytics.store';
export * from './operations.model';
export { OPERATIONS_READERS, parsePeriod } from './operations.service';
