export declare const REPO_ROOT: string;
export declare const SIBLING_CORPUS: string;
export interface FoundCorpus {
  readonly dir: string;
  readonly realDir: string;
  readonly foreignDir: string;
  readonly source: "TASKLOG_CORPUS" | "sibling";
}
export interface MissingCorpus {
  readonly dir: null;
  /** The one line printed when the corpus tests are skipped. */
  readonly missing: string;
  /** The error under CI=true. */
  readonly ci: string;
}
export declare function isCI(env?: NodeJS.ProcessEnv): boolean;
export declare function locateCorpus(env?: NodeJS.ProcessEnv): FoundCorpus | MissingCorpus;
export declare function corpusOrSkip(env?: NodeJS.ProcessEnv): { corpus: FoundCorpus | MissingCorpus; skip: string | false };
