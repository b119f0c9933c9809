/**
 * `tsx bench/draw-flame-graph.ts IN.cpuprofile OUT.svg [title]`: a self-contained SVG flame
 * graph of a V8 CPU profile. Stacks are merged by function and file, a frame's width is its
 * sampled time, its colour its category (legend at the bottom, with each category's share of
 * self time); `(idle)` is left out of the graph and stated in the title. Hover a frame for its
 * name, file and time.
 */
import { writeFileSync } from 'node:fs';

import { categories, type Frame, readCpuProfile, shortUrl, summarize } from './read-cpu-profile.js';

const [input, output, title = 'CPU profile'] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: tsx bench/draw-flame-graph.ts IN.cpuprofile OUT.svg [title]');

const width = 1600;
const rowHeight = 17;
const charWidth = 6.2; // of the 11 px label font
const minWidth = 1; // frames narrower than this are not drawn
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const root = readCpuProfile(input);
const summary = summarize(root);
root.children.forEach((f, key) => f.name === '(idle)' && root.children.delete(key));
root.totalMs = summary.busyMs;
const scale = (width - 20) / root.totalMs;

// Lay the frames out bottom-up: depth 0 is the root, children sorted by name as in a flame graph.
interface Box {
  frame: Frame;
  x: number;
  depth: number;
}
const boxes: Box[] = [];
const layout = (frame: Frame, x: number, depth: number) => {
  boxes.push({ frame, x, depth });
  let childX = x;
  const children = [...frame.children.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const child of children) {
    if (child.totalMs * scale >= minWidth) layout(child, childX, depth + 1);
    childX += child.totalMs * scale;
  }
};
layout(root, 10, 0);
const maxDepth = Math.max(...boxes.map((b) => b.depth));

const top = 50;
const graphBottom = top + (maxDepth + 1) * rowHeight;
const legendTop = graphBottom + 16;
const height = legendTop + 72;

// Vary the lightness a little per function so neighbours of one category stay apart.
const shade = (name: string) => {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) | 0;
  return 0.8 + (Math.abs(h) % 21) / 100;
};

const frames = boxes.map(({ frame, x, depth }) => {
  const w = frame.totalMs * scale;
  const y = graphBottom - (depth + 1) * rowHeight;
  const where = shortUrl(frame.url);
  const tip = `${frame.name}${where ? ` (${where})` : ''} — ${frame.totalMs.toFixed(0)} ms, ${((frame.totalMs / root.totalMs) * 100).toFixed(2)} %, self ${frame.selfMs.toFixed(0)} ms [${frame.category}]`;
  const fits = Math.floor((w - 6) / charWidth);
  const label = fits < 3 ? '' : frame.name.length <= fits ? frame.name : `${frame.name.slice(0, fits - 1)}…`;
  return [
    `<g><title>${escape(tip)}</title>`,
    `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 1}" fill="${categories[frame.category]}" fill-opacity="${shade(frame.name).toFixed(2)}"/>`,
    label ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escape(label)}</text>` : '',
    '</g>',
  ].join('');
});

const totalAll = summary.busyMs + summary.idleMs;
const idlePct = ((summary.idleMs / totalAll) * 100).toFixed(1);
const share = new Map(summary.categories);
const legend = Object.entries(categories).map(([name, colour], i) => {
  const x = 10 + (i % 6) * 262;
  const y = legendTop + Math.floor(i / 6) * 22;
  const ms = share.get(name as keyof typeof categories) ?? 0;
  const text = `${name}: ${((ms / summary.busyMs) * 100).toFixed(1)} % self`;
  return `<rect x="${x}" y="${y}" width="14" height="14" fill="${colour}"/><text x="${x + 20}" y="${y + 11}">${escape(text)}</text>`;
});

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial,Helvetica,sans-serif" font-size="11" role="img" aria-label="${escape(title)}: flame graph">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="10" y="22" font-size="15" font-weight="bold">${escape(title)}: ${totalAll.toFixed(0)} ms sampled, ${summary.busyMs.toFixed(0)} ms busy (idle ${idlePct} %, not drawn)</text>
<text x="10" y="40" fill="#374151">Width = sampled time of a frame and its callees; stacks merged by function and file; the root is at the bottom. Hover a frame for details.</text>
${frames.join('\n')}
${legend.join('\n')}
</svg>
`;
writeFileSync(output, svg);
console.log(`${output}: ${boxes.length} frames, depth ${maxDepth}, ${(svg.length / 1024).toFixed(0)} kB`);
