import type { Detector, Signals } from './detector';
import { phraseDetector } from './phrases';
import { handleDetector } from './handle';
import { emailDetector } from './email';
import { urlDetector } from './url';
import { cryptoDetector } from './crypto';
import { paymentDetector } from './payment';
import { ibanDetector } from './iban';
import { cardDetector } from './card';
import { phoneDetector } from './phone';

/** Every detector, cheapest first; each runs only when the prefilter saw its signal. */
export const DETECTORS: readonly Detector[] = [
  phraseDetector,
  handleDetector,
  emailDetector,
  urlDetector,
  cryptoDetector,
  paymentDetector,
  ibanDetector,
  cardDetector,
  phoneDetector,
];

/**
 * Which detectors apply to a message's signals: bit d for `DETECTORS[d]`, the same as asking each
 * detector's `applies` in a loop. Written out so that each call goes to one known function, which
 * V8 inlines: the loop's one call site sees nine functions and calls each through a generic stub,
 * a cost every message pays (registry.test.ts holds the two to the same answers).
 */
export function appliesMask(s: Signals): number {
  return (
    (phraseDetector.applies(s) ? 1 : 0) |
    (handleDetector.applies(s) ? 2 : 0) |
    (emailDetector.applies(s) ? 4 : 0) |
    (urlDetector.applies(s) ? 8 : 0) |
    (cryptoDetector.applies(s) ? 16 : 0) |
    (paymentDetector.applies(s) ? 32 : 0) |
    (ibanDetector.applies(s) ? 64 : 0) |
    (cardDetector.applies(s) ? 128 : 0) |
    (phoneDetector.applies(s) ? 256 : 0)
  );
}
