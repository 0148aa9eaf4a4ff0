/** How well opened investigations match a ground truth of planted off-platform sales. */
export interface TruthMeasure {
  readonly planted: number;
  readonly opened: number;
  readonly truePositives: number;
  /** Share of planted sales with an investigation. */
  readonly recall: number;
  /** Share of opened investigations that are planted sales. */
  readonly precision: number;
  /** Opened investigations on decoys (innocent conversations that share signals). */
  readonly decoysOpened: number;
}

/** Recall and precision of the conversations with an investigation against the planted sales. */
export function measureOnTruth(openedConversations: Iterable<string>, truth: { offPlatformSales: readonly { conversation_id: string }[]; decoys: readonly { conversation_id: string }[] }): TruthMeasure {
  const opened = new Set(openedConversations);
  const planted = new Set(truth.offPlatformSales.map((s) => s.conversation_id));
  const decoys = new Set(truth.decoys.map((d) => d.conversation_id));
  const tp = [...opened].filter((c) => planted.has(c)).length;
  return {
    planted: planted.size,
    opened: opened.size,
    truePositives: tp,
    recall: planted.size === 0 ? 1 : tp / planted.size,
    precision: opened.size === 0 ? 1 : tp / opened.size,
    decoysOpened: [...opened].filter((c) => decoys.has(c)).length,
  };
}
