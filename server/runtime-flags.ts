/**
 * The V8 flags a Layover server process runs with (`npm start`, `npm run dev`, the cluster's workers and the benches
 * read them from here or from package.json, which a unit test holds to this list). The e2e tests' servers run without
 * them (test/support/process.ts): they slowed each boot by about a second.
 *
 * A Layover process is sized as one process per core (`npm run start:cluster` runs WORKERS of them). V8's concurrent
 * and parallel GC threads then share that core with the rooms' event loop and preempt a room tick at any moment:
 * on one pinned core the main thread "waited for a core" 58-67 ms each second at 500 members with them, 15-40 ms
 * without (BENCHMARKS.md, Scale). `--single-threaded-gc` does the GC's work on the main thread, in incremental
 * steps, instead. Its scavenges then run on that thread alone, so the young generation is kept at 8 MiB per
 * semi-space (`--max-semi-space-size`, half of Node 20's 16 MiB): with 500 members, 2 minutes of `--trace-gc` counted
 * 27 scavenges over 10 ms at 8 MiB (mean 4.8 ms), 40 at 16 (8.5 ms), 59 at 32 (12.5 ms); at 4 MiB more survivors
 * reached the old generation and mark-compacts grew from 30 to 39 (BENCHMARKS.md, Scale).
 */
export const SERVER_NODE_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=8'] as const;
