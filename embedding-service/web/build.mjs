// Bundles src/main.ts and copies static/ into the output folder given as the first argument.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const out = process.argv[2] ?? '../target/classes/META-INF/resources';
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  outfile: `${out}/atlas.js`,
  logLevel: 'warning',
});
cpSync('static', out, { recursive: true });
console.log(`web: atlas built into ${out}`);
