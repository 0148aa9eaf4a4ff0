export * from './marketplace.model';
export * from './message-scan.model';
export { createMarketplaceService, STAFF_ROLES, type MarketplaceService, type MarketplaceDeps } from './marketplace.service';
export { parseMessage, parseEvent, parseSeller, parseBuyer, parseListing, parseIsoTime, isCountryCode, canonicalTimeZone, canonicalLanguageTag } from './marketplace.validation';
export { parseRescanRange } from './message-scan.service';
