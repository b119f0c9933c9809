/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) into a tree of call frames merged by
 * function and file, with sampled milliseconds per frame and a category per frame (which
 * library or part of Onramp it is). Shared by `draw-flame-graph.ts` and `summarize-profile.ts`.
 * Built-ins without a file (RegExp, JSON, Buffer …) take their caller's category.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export const categories = {
  'PGlite WASM': '#f59e0b',
  'PGlite JS': '#fcd34d',
  'pg driver': '#60a5fa',
  'nodemailer & smtp': '#f472b6',
  'Node streams/net': '#a78bfa',
  'Node crypto': '#f87171',
  'Node other': '#c4b5fd',
  'Onramp src': '#4ade80',
  'hono/jsx render': '#a7f3d0',
  kysely: '#22d3ee',
  i18next: '#bef264',
  'GC/program/idle': '#d1d5db',
  other: '#e7e5e4',
} as const;
export type Category = keyof typeof categories;

export interface Frame {
  name: string;
  url: string;
  category: Category;
  selfMs: number;
  totalMs: number;
  children: Map<string, Frame>;
}

const rules: [RegExp, Category][] = [
  [/^wasm:\/\//, 'PGlite WASM'],
  [/@electric-sql\/pglite/, 'PGlite JS'],
  [/node_modules\/(pg|pg-[a-z-]+|postgres-[a-z]+|pgpass)\//, 'pg driver'],
  [
    /node_modules\/(nodemailer|smtp-server|libmime|libqp|libbase64|mailsplit|punycode)\//,
    'nodemailer & smtp',
  ],
  [/node_modules\/kysely\//, 'kysely'],
  [/node_modules\/i18next/, 'i18next'],
  [
    /^node:(internal\/)?(streams?\/|stream$|net|tls|dns|stream_base_commons|js_stream_socket|_stream)/,
    'Node streams/net',
  ],
  [/^node:(internal\/)?crypto/, 'Node crypto'],
  [/^node:/, 'Node other'],
  [/node_modules\/hono\//, 'hono/jsx render'],
  [/^file:\/\/(?!.*node_modules).*\/src\//, 'Onramp src'],
];

function categorize(name: string, url: string, parent: Category | undefined): Category {
  if (name.startsWith('(') && !url) return 'GC/program/idle';
  if (!url) return parent ?? 'other';
  return rules.find(([re]) => re.test(url))?.[1] ?? 'other';
}

/** Root of the merged tree; `(idle)` samples are kept at the root, as the idle frame. */
export function readCpuProfile(path: string): Frame {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  // A sample's duration is the gap to the next sample (the last one gets the previous gap).
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    selfMs.set(id, (selfMs.get(id) ?? 0) + Math.max(us, 0) / 1000);
  });
  const rootNode = profile.nodes[0]!;
  const root: Frame = {
    name: '(root)',
    url: '',
    category: 'GC/program/idle',
    selfMs: 0,
    totalMs: 0,
    children: new Map(),
  };
  const merge = (node: ProfileNode, into: Frame, parentCategory: Category | undefined) => {
    const { functionName, url } = node.callFrame;
    const name = functionName || '(anonymous)';
    const key = `${name} ${url}`;
    let frame = into.children.get(key);
    if (!frame) {
      const category = categorize(functionName, url, parentCategory);
      frame = { name, url, category, selfMs: 0, totalMs: 0, children: new Map() };
      into.children.set(key, frame);
    }
    frame.selfMs += selfMs.get(node.id) ?? 0;
    for (const child of node.children ?? []) merge(byId.get(child)!, frame, frame.category);
  };
  for (const child of rootNode.children ?? []) merge(byId.get(child)!, root, undefined);
  root.selfMs = selfMs.get(rootNode.id) ?? 0;
  const total = (f: Frame): number => {
    f.totalMs = f.selfMs;
    for (const c of f.children.values()) f.totalMs += total(c);
    return f.totalMs;
  };
  total(root);
  return root;
}

export const idleMs = (root: Frame) =>
  [...root.children.values()].filter((f) => f.name === '(idle)').reduce((s, f) => s + f.totalMs, 0);

function* walk(f: Frame): Generator<Frame> {
  yield f;
  for (const c of f.children.values()) yield* walk(c);
}

/** Self time (ms) per category and per function (name + file), idle left out. */
export function summarize(root: Frame) {
  const byCategory = new Map<Category, number>();
  const byFunction = new Map<string, { name: string; url: string; category: Category; ms: number }>();
  for (const f of walk(root)) {
    if (f.name === '(idle)' || f.selfMs === 0) continue;
    byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + f.selfMs);
    const key = `${f.name} ${f.url}`;
    const entry = byFunction.get(key) ?? { name: f.name, url: f.url, category: f.category, ms: 0 };
    entry.ms += f.selfMs;
    byFunction.set(key, entry);
  }
  const busyMs = [...byCategory.values()].reduce((s, v) => s + v, 0);
  return {
    busyMs,
    idleMs: idleMs(root),
    categories: [...byCategory].sort((a, b) => b[1] - a[1]),
    functions: [...byFunction.values()].sort((a, b) => b.ms - a.ms),
  };
}

/** The part of a file URL worth showing: from node_modules/ or the project folder on. */
export const shortUrl = (url: string) =>
  url.replace(/^file:\/\/.*?\/node_modules\//, '').replace(/^file:\/\/\/[^ ]*?\/(src|bench|test)\//, '$1/');
