/** Contract suites for plugin authors: one call per plugin kind, run from any bun:test file. */
export { describeProviderContract, AudioCandidateSchema, type ProviderContractFixture } from "./provider-contract.ts";
export { describeTaggerContract, SAMPLE_TAGS, type TaggerContractFixture } from "./tagger-contract.ts";
export { describeSourceContract, type SourceContractFixture } from "./source-contract.ts";
export { describeLyricsContract, type LyricsContractFixture } from "./lyrics-contract.ts";
export { makeToneFile, probeAudio, type ProbedAudio } from "./audio-probe.ts";
