/**
 * Loaded with `node --require` into every Node.js process of a measured command when GNU time is missing:
 * writes the process's peak resident set (KB) to $BENCH_RSS_DIR when it exits.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.BENCH_RSS_DIR;
if (dir) {
  process.on("exit", () => {
    writeFileSync(join(dir, `rss-${process.pid}`), String(process.resourceUsage().maxRSS));
  });
}
