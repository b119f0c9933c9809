/**
 * Draws the run's goal ratios as a horizontal bar chart (hand-written SVG): each bar is the
 * measured value divided by its goal, so 1.0 is the goal line whatever the unit, and a bar is
 * green when its goal is met. `tsx bench/write-chart.ts [results.json] [out.svg]` redraws it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import type { BenchResults } from './bench-results.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function chartSvg(results: BenchResults): string {
  const rows = results.ratios.filter((r) => r.goal !== null && r.value !== null);
  const labelWidth = 430;
  const barWidth = 360;
  const rowHeight = 26;
  const top = 50;
  const height = top + rows.length * rowHeight + 40;
  const width = labelWidth + barWidth + 120;
  const scaleMax = 3; // bars are capped at 3x the goal
  const x = (v: number) => labelWidth + (Math.min(v, scaleMax) / scaleMax) * barWidth;
  const bars = rows.map((r, i) => {
    const [op, targetText] = r.goal!.split(' ');
    const target = Number(targetText);
    // "Higher is better" goals plot value/target, "lower is better" target/value: past 1 is met.
    const score = op === '>=' ? r.value! / target : target / Math.max(r.value!, 1e-9);
    const y = top + i * rowHeight;
    const colour = r.met ? '#15803d' : '#b91c1c';
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escape(r.name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${(x(score) - labelWidth).toFixed(1)}" height="16" fill="${colour}"/>`,
      `<text x="${x(score) + 6}" y="${y + 16}">${r.value} (goal ${escape(r.goal!)})</text>`,
    ].join('');
  });
  const goalX = x(1);
  const m = results.machine;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial,Helvetica,sans-serif" font-size="12" role="img" aria-label="Onramp benchmark: measured value relative to goal">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="12" y="22" font-size="15" font-weight="bold">Onramp benchmarks (${results.mode} run, ${escape(results.startedAt.slice(0, 16))} UTC): measured value relative to its goal</text>
<text x="12" y="40" fill="#374151">${m ? escape(`${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.postgres}, load ${m.loadAverage.join(' ')} at start`) : ''}; green = goal met, red = missed; the line is the goal</text>
${bars.join('\n')}
<line x1="${goalX}" y1="${top}" x2="${goalX}" y2="${height - 30}" stroke="#111827" stroke-dasharray="4 3"/>
<text x="${goalX}" y="${height - 14}" text-anchor="middle">goal</text>
</svg>
`;
}

export function writeChart(results: BenchResults, path: string): void {
  writeFileSync(path, chartSvg(results));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input = 'bench/results/full.json', output = 'docs/benchmarks.svg'] = process.argv.slice(2);
  writeChart(JSON.parse(readFileSync(input, 'utf8')) as BenchResults, output);
}
