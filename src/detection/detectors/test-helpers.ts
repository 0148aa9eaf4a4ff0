import { defaultCompiledRuleSet, scanMessage, type Hit, type HitKind, type ScanInput } from '../index';

/** Hits of one kind for a message; used by the detector tests. */
export function hitsOf(kind: HitKind, text: string, hints: Partial<ScanInput> = {}): Hit[] {
  return scanMessage(defaultCompiledRuleSet(), { id: 't', text, ...hints }).hits.filter((h) => h.kind === kind);
}
