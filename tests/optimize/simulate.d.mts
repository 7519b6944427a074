export declare const TRUE_WEIGHTS: number[];
export type SimulatedRow = [deckId: string, cardKey: string, rating: number, reviewedAt: number];
export declare function simulateLog(options?: { decks?: string[]; days?: number; newPerDay?: number; seed?: number; weights?: number[]; start?: number }): SimulatedRow[];
export declare function insertReviews(db: { prepare(sql: string): { run(...args: unknown[]): unknown }; transaction(fn: () => void): () => void }, rows: readonly SimulatedRow[]): void;
