import type { Detector } from './detector';
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
