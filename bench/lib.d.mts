// Types for bench/lib.mjs, for TypeScript tests that reuse its deck generator.
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare const QUIZDECK: string;
export interface RunResult {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}
export interface BenchCase {
  name: string;
  command: string;
  args: string[];
  expectCode?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}
export interface CaseResult {
  name: string;
  times: number[];
  rssMb: number;
  medianMs: number;
}
export declare function median(values: number[]): number;
export declare function runOnce(
  command: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult>;
export declare function peakRssMb(
  command: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult & { mb: number }>;
export declare function compare(
  cases: BenchCase[],
  options?: { runs?: number; warmup?: boolean },
): Promise<Map<string, CaseResult>>;
export declare function syntheticCard(i: number): string;
export declare function syntheticDeck(cards: number): string;
export declare function writeSyntheticDeck(cards: number): string;
export declare function manyKeysDeck(keys: number): string;
export declare function longWordDeck(bytes: number): string;
export declare function writeBenchFile(name: string, text: string): string;
export declare function markdownTable(headers: string[], rows: (string | number)[][]): string;
export declare const fmt: {
  ms(n: number): string;
  ratio(n: number): string;
  mb(n: number): string;
  pass(ok: boolean): string;
};
