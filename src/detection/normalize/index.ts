export { fold, foldByCodePoint, foldCodePoint, foldUnit } from './fold';
export { digitView, gapOk, groupConverts } from './digits';
export { addrView, MAIL_PROVIDERS, SPELLED_TLDS } from './addr';
export { identityView, OffsetMap, toOriginal, viewIndexOf, ViewBuilder, type TextView } from './view';
export { NUMBER_WORDS, NUMBER_CONNECTORS, PLUS_WORDS, REPEATERS } from './number-words';

import { fold } from './fold';
import { digitView } from './digits';
import type { TextView } from './view';

/** Folded text with number words turned into digits, the view the digit detectors read. */
export function normalizeDigits(text: string): TextView {
  return digitView(fold(text));
}
