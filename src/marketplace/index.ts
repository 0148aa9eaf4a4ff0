export * from './marketplace.model';
export { createMarketplaceService, STAFF_ROLES, type MarketplaceService, type MarketplaceDeps } from './marketplace.service';
export { parseMessage, parseEvent, parseSeller, parseBuyer, parseListing, parseIsoTime, isCountryCode, canonicalTimeZone, canonicalLanguageTag } from './marketplace.validation';
