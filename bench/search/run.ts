// Search latency at 100,000 generated titles on PostgreSQL: p50/p95 of GET /api/search's query (lib/catalog/search)
// for exact, misspelt and as-you-type queries, against a baseline measured in the same run (a naive ILIKE scan).
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:search
import postgres from "postgres";
import { adminUrl, createBenchDatabase, percentileOf as percentile, time } from "../database";
import { updateBenchmarks } from "../update-benchmarks";

const TITLES = Number(process.env.BENCH_TITLES ?? 100_000);
const QUERIES = 300;

const database = await createBenchDatabase();

const { openDatabase, closeDatabase } = await import("@/db/client");
const { searchUncached: search } = await import("@/lib/catalog/search");

const words = "amber anchor ashes atlas autumn badger ballad beacon bitter blossom bramble breaker canyon cinder clockwork copper coral crimson crow dagger dawn delta desert drifter echo ember falcon feather fjord forest fox frost garden ghost glacier harbor harvest hollow honey horizon iron ivory jackal jade jungle kestrel kingdom lantern lemon lighthouse lotus marble meadow midnight mirror monsoon moth nebula needle nomad oasis obsidian ocean orchard oracle paper pepper pilgrim pine prairie quartz quiet raven reef ribbon river saffron salt scarlet shadow silver sparrow spire storm summer swallow thistle thunder tide timber topaz tundra umber valley velvet violet voyage walnut willow winter wolf zephyr".split(" ");

try {
  await openDatabase();
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  console.log(`Generating ${TITLES} titles…`);
  await sql`select setseed(0.42)`;
  await sql`
    insert into titles (kind, title, synopsis, year, maturity_rating, maturity_level)
    select case when i % 5 = 0 then 'show'::title_kind else 'movie'::title_kind end,
      initcap(w[1 + (random() * (cardinality(w) - 1))::int]) || ' ' || w[1 + (random() * (cardinality(w) - 1))::int]
        || case when i % 3 = 0 then ' of the ' || initcap(w[1 + (random() * (cardinality(w) - 1))::int]) else '' end || ' ' || i,
      'A story of ' || w[1 + (random() * (cardinality(w) - 1))::int] || ' and ' || w[1 + (random() * (cardinality(w) - 1))::int] || '.',
      1950 + (random() * 76)::int, 'PG-13', 2
    from generate_series(1, ${TITLES}) i, (select ${words}::text[] as w) words`;
  await sql`analyze titles`;
  const sample = await sql<{ title: string }[]>`select title from titles order by random() limit ${QUERIES}`;

  // Exact titles, one letter dropped (typo), and the first few letters (as you type).
  const queries = sample.map(({ title }, i) => {
    const text = title.replace(/ \d+$/, "");
    if (i % 3 === 0) return text;
    if (i % 3 === 1) return text.slice(0, 3) + text.slice(4);
    return text.slice(0, 4 + (i % 4));
  });

  for (const q of queries.slice(0, 20)) await search(q, { audience: undefined, limit: 20 }); // warm up caches and plans
  const searchTimes: number[] = [];
  for (const q of queries) searchTimes.push(await time(() => search(q, { audience: undefined, limit: 20 })));
  const naiveTimes: number[] = [];
  for (const q of queries) {
    naiveTimes.push(await time(() => sql`select id, title from titles where title ilike ${`%${q}%`} or synopsis ilike ${`%${q}%`} limit 20`));
  }
  await sql.end();

  const row = (label: string, values: number[]) =>
    `| ${label} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${percentile(values, 99).toFixed(1)} |`;
  const p95 = percentile(searchTimes, 95);
  const ratio = percentile(naiveTimes, 95) / p95;
  const report = [
    `Command: \`BENCH_DATABASE_URL=${adminUrl} npm run bench:search\` — ${TITLES.toLocaleString("en-US")} generated titles on`,
    `PostgreSQL, ${QUERIES} queries (a third exact, a third with a letter dropped, a third typed-so-far prefixes), one at a`,
    "time after 20 warm-up queries. Search = `lib/catalog/search` (titles, episodes and people; tsvector + pg_trgm).",
    "Baseline, same run: an unindexed `ILIKE '%q%'` over title and synopsis.",
    "",
    "| query | p50 ms | p95 ms | p99 ms |",
    "| --- | --- | --- | --- |",
    row("NormFlix search", searchTimes),
    row("baseline: ILIKE scan", naiveTimes),
    "",
    `Search p95 is ${p95.toFixed(1)} ms (target < 50 ms): ${p95 < 50 ? "met" : "NOT met"}; baseline p95 / search p95 = ${ratio.toFixed(2)}×.`,
  ].join("\n");
  console.log(report);
  updateBenchmarks("Search", report);
} finally {
  await closeDatabase();
  await database.drop();
}
