/**
 * Memory and time of reading a postcode-centroid file the size of the ONS Postcode Directory
 * (2.7M rows, its column count): generated into a temporary file, then read in a child process
 * twice, keeping 10,000 wanted postcodes and keeping every postcode. Prints peak RSS and seconds.
 *   npx tsx bench/geocode-memory.ts [rows]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCentroids } from '../server/modules/geocode/postcodes.ts';

const L = 'ABCDEFGHJKLMNOPRSTUWYZ';
const postcode = (i: number) => `${L[i % 22]}${L[Math.floor(i / 22) % 22]}${1 + (Math.floor(i / 484) % 99)} ${Math.floor(i / 47916) % 10}${L[Math.floor(i / 479160) % 22]}${L[Math.floor(i / 10541520) % 22]}`;

if (process.argv[2] === 'child') {
  const [, , , file, mode] = process.argv;
  const want = mode === 'all' ? undefined : new Set(Array.from({ length: 10_000 }, (_, k) => postcode(k * 269).replace(' ', '')));
  const t = Date.now();
  const r = await readCentroids(fs.createReadStream(file!), { file: file!, want });
  const s = (Date.now() - t) / 1000;
  process.stdout.write(JSON.stringify({ mode, rows: r.rows, kept: r.centroids.size, seconds: s, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576) }) + '\n');
} else {
  const rows = Number(process.argv[2] ?? 2_700_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-onspd-')), 'onspd.csv');
  const out = fs.createWriteStream(file);
  out.write('"pcd","pcd2","pcds","dointr","doterm","oscty","ced","oslaua","osward","parish","usertype","oseast1m","osnrth1m","osgrdind","oshlthau","nhser","ctry","rgn","streg","pcon","eer","teclec","ttwa","pct","itl","statsward","oa01","casward","npark","lsoa01","msoa01","ur01ind","oac01","oa11","lsoa11","msoa11","wz11","sicbl","bua24","ru11ind","oac11","lat","long","lep1","lep2","pfa","imd","calncv","icb","oa21","lsoa21","msoa21"\n');
  for (let i = 0; i < rows; i++) {
    const p = postcode(i);
    const line = `"${p}","${p.replace(' ', '  ')}","${p}","198001","","E10000016","E58000743","E07000110","E05005083","E04003898","0","${570000 + (i % 90000)}","${160000 + (i % 90000)}","1","E18000008","E40000005","E92000001","E12000008","0","E14000803","E15000008","E17000006","E30000204","E16000062","E08000004","30UPGW","E00124473","30UPGW","E99999999","E01024494","E02005102","1","3B3","E00124473","E01024494","E02005102","E33001254","E38000226","E63004822","C1","2B1","${(50 + (i % 9000) / 1000).toFixed(6)}","${(-(i % 5000) / 1000).toFixed(6)}","E37000026","","E23000032","19484","E56000024","E54000032","E00124473","E01024494","E02005102"\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  process.stdout.write(`${rows} rows, ${(fs.statSync(file).size / 1048576).toFixed(0)} MB\n`);
  for (const mode of ['wanted', 'all']) process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', file, mode]).toString());
  fs.rmSync(path.dirname(file), { recursive: true });
}
