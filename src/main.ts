#!/usr/bin/env bun
/** Compiled entry: hands the process to the CLI, nothing else. */
import { run } from "./cli/run.ts";

await run(process.argv.slice(2));
