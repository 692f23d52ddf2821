/**
 * Music Player Daemon for a test: a temporary config (127.0.0.1, a free port, a null audio output, no state kept
 * anywhere else), started in the foreground by the test and stopped by it. `mpc` talks to it; cover art, which mpc
 * 0.34 cannot fetch, is asked for with the protocol's `readpicture` command over a socket.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { type Reading, requireTool, run } from "./reading.ts";

export interface Mpd {
  readonly port: number;
  mpc(...args: string[]): Promise<string>;
  /** Every song in the database with its tags, by path relative to the music directory. */
  songs(): Promise<Map<string, Reading>>;
  /** Bytes of the embedded picture mpd finds in a song (0 when none). */
  pictureSize(file: string): Promise<number>;
  /** Every value of one tag (`Artist`, `AlbumArtist`…) mpd stored for a song. */
  tagValues(file: string, tag: string): Promise<string[]>;
  stop(): Promise<void>;
}

const FORMAT = ["%file%", "%title%", "%artist%", "%albumartist%", "%album%", "%track%", "%disc%", "%date%"];

function freePort(): number {
  const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = server.port;
  server.stop(true);
  return port;
}

export async function startMpd(options: { musicDir: string; playlistDir: string; stateDir: string }): Promise<Mpd> {
  const mpdBin = requireTool("mpd", "apt-get install mpd (.ci/run does)");
  const mpcBin = requireTool("mpc", "apt-get install mpc (.ci/run does)");
  mkdirSync(options.stateDir, { recursive: true });
  const port = freePort();
  const config = join(options.stateDir, "mpd.conf");
  const quote = (value: string) => JSON.stringify(value);
  writeFileSync(
    config,
    [
      `music_directory ${quote(options.musicDir)}`,
      `playlist_directory ${quote(options.playlistDir)}`,
      `db_file ${quote(join(options.stateDir, "database"))}`,
      `log_file ${quote(join(options.stateDir, "log"))}`,
      'bind_to_address "127.0.0.1"',
      `port "${port}"`,
      'auto_update "no"',
      'zeroconf_enabled "no"',
      'audio_output {\n  type "null"\n  name "null"\n}',
      "",
    ].join("\n"),
  );
  const child = Bun.spawn([mpdBin, "--no-daemon", config], { stdout: "ignore", stderr: "pipe", stdin: "ignore" });
  const mpc = (...args: string[]) => run([mpcBin, "-h", "127.0.0.1", "-p", String(port), ...args]);
  for (let attempt = 0; ; attempt++) {
    try {
      await mpc("status");
      break;
    } catch (error) {
      if (child.exitCode !== null || attempt > 200) {
        child.kill();
        throw new Error(`mpd did not start: ${await new Response(child.stderr).text()} ${String(error)}`);
      }
      await Bun.sleep(25);
    }
  }
  return {
    port,
    mpc,
    async songs() {
      const out = await mpc("-f", FORMAT.join("\\t"), "listall");
      const songs = new Map<string, Reading>();
      for (const line of out.split("\n").filter(Boolean)) {
        const [file = "", title = "", artist = "", albumArtist = "", album = "", track = "", disc = "", date = ""] =
          line.split("\t");
        songs.set(file, { title, artist, albumArtist, album, track, disc, date });
      }
      return songs;
    },
    pictureSize: (file) => readPictureSize(port, file),
    tagValues: (file, tag) => tagValues(port, file, tag),
    async stop() {
      child.kill();
      await child.exited;
    },
  };
}

/** Quotes an argument for the mpd protocol. */
const quoted = (value: string) => `"${value.replace(/(["\\])/g, "\\$1")}"`;

/**
 * Sends one protocol command and resolves with the answer's text once `isComplete` holds (or on `OK`); an `ACK`
 * line rejects. Raw bytes are kept until then, so UTF-8 split across packets decodes right.
 */
function request(port: number, command: string, isComplete: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let chunks: Buffer[] = [];
    let sent = false;
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString("utf8");
      if (!sent) {
        if (!text.includes("\n")) return;
        sent = true;
        chunks = [];
        socket.write(`${command}\n`);
        return;
      }
      if (/^ACK /m.test(text)) {
        socket.end();
        reject(new Error(`mpd ${command}: ${text.trim()}`));
      } else if (isComplete(text) || /(^|\n)OK\n$/.test(text)) {
        socket.end();
        resolve(text);
      }
    });
    socket.on("error", reject);
  });
}

/** `readpicture "<file>" 0`: mpd answers `size: N` (and the first chunk) when the song has a picture. */
async function readPictureSize(port: number, file: string): Promise<number> {
  const answer = await request(port, `readpicture ${quoted(file)} 0`, (text) => /^size: \d+$/m.test(text));
  return Number(/^size: (\d+)$/m.exec(answer)?.[1] ?? 0);
}

/** Every value mpd holds for `tag` in one song (mpc shows only the first). */
async function tagValues(port: number, file: string, tag: string): Promise<string[]> {
  const answer = await request(port, `lsinfo ${quoted(file)}`, () => false);
  const prefix = `${tag}: `;
  return answer.split("\n").flatMap((line) => (line.startsWith(prefix) ? [line.slice(prefix.length)] : []));
}
