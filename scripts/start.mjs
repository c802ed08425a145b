#!/usr/bin/env node
// `npm start`: builds the app when there is no build of the current sources, then runs
// server.ts in production mode (Next and Socket.IO on one port). A newcomer types only
// `npm install && npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildServiceWorker } from './build-sw.mjs';

const root = path.resolve(import.meta.dirname, '..');
const STAMP = path.join(root, '.next', 'portal-source-hash');
const INPUTS = ['app', 'components', 'lib', 'drizzle', 'public', 'proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/build-sw.mjs'];
const SKIP = /(\.test\.tsx?$|\.int\.test\.ts$|^public\/sw\.js(\.map)?$)/;

/** A hash over every file the build reads, so any change of source means a new build. */
export function sourceHash() {
  const hash = createHash('sha256');
  const visit = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) visit(path.join(rel, entry));
    } else if (!SKIP.test(rel.split(path.sep).join('/'))) {
      hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0');
    }
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}

async function buildIfStale() {
  const current = sourceHash();
  const complete = ['.next/BUILD_ID', 'public/sw.js'].every((file) => fs.existsSync(path.join(root, file)));
  const built = complete && fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : '';
  if (built === current) return;
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
  // The service worker lists the files of this build, so it is built after it, every time.
  try {
    await buildServiceWorker();
  } catch (err) {
    console.error('The service worker could not be built:', err);
    process.exit(1);
  }
  fs.writeFileSync(STAMP, current);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildIfStale();
  // `--build-only`: the build step of `npm test`, before the tests that run the built server.
  if (process.argv.includes('--build-only')) process.exit(0);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
