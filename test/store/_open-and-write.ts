/** Child process for concurrent-open tests: opens the store at argv[2], writes one row, prints any warning. */
import { openStore } from "../../src/store/index.ts";

// Spread the starts over a few milliseconds, so that one process is mid-migration when another looks.
await Bun.sleep(Math.random() * 30);
const log = { info() {}, debug() {}, warn: (message: string) => console.log(`warning: ${message}`) };
const store = openStore(process.argv[2]!, { log });
store.plugins.forPlugin("spotify").set(`track:${process.pid}`, { pid: process.pid }, null);
store.close();
