/**
 * Starting and stopping what the benchmarks measure, the way people start them: the bot with
 * `npm start` (which rebuilds only when a source changed), the echo bot as a plain `node` process.
 * Ready time runs from the spawn to the first 200 on /healthz.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export interface Target {
  port: number;
  /** Spawn → first 200 on /healthz, ms. */
  readyMs: number;
  /** The process that serves HTTP (for the bot: node under npm), whose CPU and memory are read. */
  serverPid: number;
  /** RSS of the server every 200 ms, MB; clear it to start a measured part. */
  rssSamples: number[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** utime + stime of a process, ms (clock ticks are 100 Hz on Linux). */
export const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM). */
export const procStatusMb = (pid: number, field: string) => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** Alive and not a zombie waiting to be reaped. */
function isRunning(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * The process below `ancestor` whose command line contains `marker`; npm runs the script through a
 * shell whose command line contains it too, so the innermost such process.
 */
function findDescendant(ancestor: number, marker: string): number | null {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parentOf.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const below = (pid: number) => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === ancestor) return true;
    return false;
  };
  const matching = [...parentOf.keys()].filter((pid) => {
    try {
      return below(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false; // gone
    }
  });
  return matching.find((pid) => !matching.some((other) => parentOf.get(other) === pid)) ?? null;
}

export interface StartOptions {
  env: Record<string, string>;
  /** Epoch ms after which waiting for /healthz is given up. */
  deadline: number;
}

/** `npm start`'s command line after `node` (its V8 flags, then scripts/start.mjs), read from package.json. */
const npmStartArgs = (): string[] => {
  const [node, ...args] = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error('package.json: the start script is expected to run node');
  return args;
};

/**
 * The bot, as the README starts it: `npm start`. With nodeArgs (a profiler: node refuses --cpu-prof in
 * NODE_OPTIONS), `node <nodeArgs> <what npm start runs after node>` instead.
 */
export function startBot(opts: StartOptions & { nodeArgs?: string[] }): Promise<Target> {
  return startTarget(opts.nodeArgs ? [process.execPath, [...opts.nodeArgs, ...npmStartArgs()]] : ['npm', ['start', '--silent']], 'scripts/start.mjs', opts);
}

/** The echo bot: its bundle run by plain node (nodeArgs e.g. to profile it). */
export function startEcho(opts: StartOptions & { nodeArgs?: string[] }): Promise<Target> {
  const entry = 'dist/bench/echoBaseline.mjs';
  return startTarget([process.execPath, [...(opts.nodeArgs ?? []), entry]], entry, opts);
}

async function startTarget([command, args]: [string, string[]], marker: string, opts: StartOptions): Promise<Target> {
  const port = await freePort();
  const started = performance.now();
  // detached: its own process group, so npm and the node it starts are stopped together.
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  const exit = new Promise<void>((r) =>
    child.once('exit', () => {
      exited = true;
      r();
    }),
  );
  const stopGroup = async () => {
    if (!exited) process.kill(-child.pid!, 'SIGTERM');
    await exit;
  };
  try {
    for (;;) {
      if (Date.now() > opts.deadline || exited) throw new Error(`${marker} never became healthy`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
  } catch (err) {
    await stopGroup();
    throw err;
  }
  const readyMs = performance.now() - started;
  const serverPid = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').includes(marker) ? child.pid! : findDescendant(child.pid!, marker);
  if (!serverPid) {
    await stopGroup();
    throw new Error(`no process running ${marker}`);
  }
  const rssSamples: number[] = [];
  const sampler = setInterval(() => {
    try {
      rssSamples.push(procStatusMb(serverPid, 'VmRSS'));
    } catch {
      // it is stopping
    }
  }, 200);
  return {
    port,
    readyMs,
    serverPid,
    rssSamples,
    stop: async () => {
      clearInterval(sampler);
      await stopGroup();
      // npm may exit before the server has finished writing (a CPU profile, say).
      while (isRunning(serverPid)) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
