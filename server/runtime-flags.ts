/**
 * The V8 flags every Layover server process runs with (`npm start`, `npm run dev`, the cluster's workers, the tests'
 * servers and the scale bench read them from here or from package.json, which a unit test holds to this list).
 *
 * A Layover process is sized as one process per core (`npm run start:cluster` runs WORKERS of them). V8's concurrent
 * and parallel GC threads then share that core with the rooms' event loop and preempt a room tick at any moment:
 * on one pinned core the main thread "waited for a core" 58-67 ms each second at 500 members with them, 15-40 ms
 * without (BENCHMARKS.md, Scale). `--single-threaded-gc` does the GC's work on the main thread, in incremental
 * steps, instead. A 32 MiB young generation (`--max-semi-space-size`, MiB per semi-space) makes the per-tick
 * garbage of patches and encoders die young with a quarter as many scavenges as the 8 MiB default (a few MiB of
 * memory per process).
 */
export const SERVER_NODE_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=32'] as const;
