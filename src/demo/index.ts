/** Deterministic demo data for Assay (see README.md beside this file). */
export { generateDemo, FULL_SIZE, ATTEMPT_SHARE, type GenerateOptions } from './generate';
export type {
  DemoAttemptKind,
  DemoBuyer,
  DemoCategory,
  DemoData,
  DemoEvent,
  DemoLang,
  DemoListing,
  DemoListingStatus,
  DemoMessage,
  DemoSeller,
  DemoTruth,
} from './types';
export { ANCHOR_MS, WINDOW_START_MS } from './time';
export { demoShiftMs, shiftDemo } from './shift';
