/**
 * `tsx bench/summarize-profile.ts FILE.cpuprofile`: self time by category (ms and % of the
 * non-idle sampled time) and the 15 functions with the most self time, as Markdown tables.
 */
import { readCpuProfile, shortUrl, summarize } from './read-cpu-profile.js';

const path = process.argv[2];
if (!path) throw new Error('usage: tsx bench/summarize-profile.ts FILE.cpuprofile');
const s = summarize(readCpuProfile(path));
const pct = (ms: number) => `${((ms / s.busyMs) * 100).toFixed(1)} %`;
const ms = (v: number) => v.toFixed(0);

console.log(
  `${ms(s.busyMs)} ms sampled busy, idle ${ms(s.idleMs)} ms (${((s.idleMs / (s.busyMs + s.idleMs)) * 100).toFixed(1)} % of all samples)\n`,
);
console.log('| category | self ms | % |\n| --- | --: | --: |');
for (const [category, v] of s.categories) console.log(`| ${category} | ${ms(v)} | ${pct(v)} |`);
console.log('\n| function | file | category | self ms | % |\n| --- | --- | --- | --: | --: |');
for (const f of s.functions.slice(0, 15)) {
  const line = [f.name, shortUrl(f.url) || '(native)', f.category, ms(f.ms), pct(f.ms)];
  console.log(`| ${line.join(' | ')} |`);
}
