#!/usr/bin/env bun
/** Compiled entry: hands the process to the CLI, nothing else. */
import { run } from "./cli/run.ts";

// No top-level await: the binary is compiled to bytecode, which needs a plain (non-async) entry module.
void run(process.argv.slice(2));
