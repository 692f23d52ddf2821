import { expect, test } from "bun:test";
import { InterruptedError, PluginError } from "../../src/errors.ts";
import { callPlugin } from "../../src/plugins/call.ts";
import { registerSecret } from "../../src/util/redact.ts";

const plugin = { name: "bandcamp" };

test("a throw inside a plugin call becomes a PluginError naming plugin and method, cause kept", async () => {
  const cause = new TypeError("Cannot read properties of undefined");
  const error = await callPlugin(plugin, "search", async () => {
    throw cause;
  }).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(PluginError);
  expect((error as PluginError).message).toBe("plugin bandcamp: search() failed: Cannot read properties of undefined");
  expect((error as PluginError).cause).toBe(cause);
  expect((error as PluginError).exitCode).toBe(1);
});

test("a value comes back untouched", async () => {
  expect(await callPlugin(plugin, "search", async () => ["a"])).toEqual(["a"]);
  expect(await callPlugin(plugin, "setup", () => 7)).toBe(7);
});

test("an abort and an interrupt pass through, so Ctrl-C stops the run instead of failing one item", async () => {
  const controller = new AbortController();
  controller.abort();
  const aborted = await callPlugin(plugin, "download", async () => controller.signal.throwIfAborted()).catch(
    (e: unknown) => e,
  );
  expect((aborted as Error).name).toBe("AbortError");
  await expect(
    callPlugin(plugin, "download", async () => {
      throw new InterruptedError();
    }),
  ).rejects.toBeInstanceOf(InterruptedError);
});

test("a plugin error's message hides registered secrets and credential-looking pairs the plugin put in its throw", () => {
  registerSecret("sk-live-0a1b2c3d4e5f");
  const error = new PluginError("bandcamp", "download", new Error("401 for sk-live-0a1b2c3d4e5f, cookie=SID123456789"));
  expect(error.message).toBe("plugin bandcamp: download() failed: 401 for [redacted], cookie=[redacted]");
});

test("given the run's signal, a timeout the plugin raised itself fails the item; once the signal aborts, errors pass", async () => {
  const run = new AbortController();
  const ownTimeout = await callPlugin(
    plugin,
    "download",
    async () => {
      throw new DOMException("The operation timed out.", "TimeoutError");
    },
    { signal: run.signal },
  ).catch((e: unknown) => e);
  expect(ownTimeout).toBeInstanceOf(PluginError);
  expect((ownTimeout as PluginError).message).toBe("plugin bandcamp: download() failed: The operation timed out.");

  run.abort();
  const cause = new Error("socket closed");
  const afterAbort = await callPlugin(
    plugin,
    "download",
    async () => {
      throw cause;
    },
    { signal: run.signal },
  ).catch((e: unknown) => e);
  expect(afterAbort).toBe(cause);
});
