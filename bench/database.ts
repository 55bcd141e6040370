// Shared by the benchmarks that call services directly (bench/search, bench/trending): a database of the run's own on
// BENCH_DATABASE_URL's server (DATABASE_URL points at it before the app's modules load), timing and percentiles.
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { percentile } from "./load";

export const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Creates the database and points DATABASE_URL at it; `drop` removes it. Import app modules after this. */
export async function createBenchDatabase() {
  const name = `normflix_bench_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The p-th percentile of `values` in any order. */
export const percentileOf = (values: number[], p: number) => percentile([...values].sort((a, b) => a - b), p);

/** Milliseconds `fn` took. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
