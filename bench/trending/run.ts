// Trending latency at 1,000,000 progress rows and 1,000,000 stream starts on PostgreSQL: p50/p95/p99 of
// GET /api/browse/trending's service (lib/catalog/trending) for each timeframe, anonymous and for a profile's rating,
// against a baseline measured in the same run: the same ranking computed per request from the viewing rows themselves.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:trending
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { adminUrl, createBenchDatabase, percentileOf as percentile, time } from "../database";
import { updateBenchmarks } from "../update-benchmarks";

const TITLES = Number(process.env.BENCH_TITLES ?? 5_000);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const PROFILES_PER_ACCOUNT = 5;
const PROGRESS_ROWS = Number(process.env.BENCH_PROGRESS_ROWS ?? 1_000_000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1_000_000);
const DAYS = 60;
const QUERIES = 300;

const database = await createBenchDatabase();

const { openDatabase, closeDatabase } = await import("@/db/client");
const { browseTrendingUncached: browseTrending } = await import("@/lib/catalog/trending");
const { rebuildTrending, recordStreamStart } = await import("@/db/queries/trending");
const { db } = await import("@/db/client");
const { TIMEFRAMES, TRENDING_WINDOWS } = await import("@/lib/catalog/trending-scores");


const load = () => os.loadavg().map((n) => n.toFixed(1)).join(" / ");

try {
  const loadAtStart = load();
  await openDatabase();
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  console.log(`Generating ${TITLES} titles, ${ACCOUNTS * PROFILES_PER_ACCOUNT} profiles, ${PROGRESS_ROWS} progress rows, ${STREAMS} streams…`);
  const generating = performance.now();
  await sql`select setseed(0.42)`;
  // A few titles are watched a lot, most a little (index ~ TITLES·u³); a fifth are rated R (hidden from the profile).
  await sql`
    insert into titles (kind, title, year, maturity_rating, maturity_level, runtime_seconds)
    select case when i % 5 = 0 then 'show'::title_kind else 'movie'::title_kind end, 'Title ' || i, 2000 + i % 26,
      case when i % 5 = 1 then 'R' else 'PG-13' end, case when i % 5 = 1 then 3 else 2 end, 5400
    from generate_series(1, ${TITLES}) i`;
  await sql`create temporary table bench_titles as select row_number() over (order by title) as n, id from titles`;
  await sql`create index on bench_titles (n)`;
  await sql`insert into accounts (username, email, password_hash)
    select 'bench' || i, 'bench' || i || '@example.com', 'x' from generate_series(1, ${ACCOUNTS}) i`;
  await sql`insert into profiles (account_id, name) select a.id, 'P' || k from accounts a, generate_series(1, ${PROFILES_PER_ACCOUNT}) k`;
  await sql`create temporary table bench_profiles as select row_number() over (order by id) as n, id, account_id from profiles`;
  await sql`create index on bench_profiles (n)`;
  const [{ asset }] = await sql`insert into media_assets (status, directory) values ('ready', 'bench') returning id as asset`;
  const profiles = ACCOUNTS * PROFILES_PER_ACCOUNT;
  const pick = (n: number) => `1 + least(${n - 1}, floor(${n} * power(random(), 3)))::int`;
  // Progress: distinct (profile, title) pairs until there are PROGRESS_ROWS of them; positions and times at random.
  while (true) {
    const [{ count }] = await sql`select count(*)::int as count from watch_progress`;
    if (count >= PROGRESS_ROWS) break;
    const batch = Math.min(500_000, Math.ceil((PROGRESS_ROWS - count) * 1.15));
    await sql.unsafe(`
      insert into watch_progress (profile_id, item_id, kind, title_id, position_seconds, duration_seconds, watched, client_updated_at, updated_at)
      select p.id, t.id, 'movie', t.id, pos, 5400, pos >= 4860, at, at
      from (select 1 + floor(random() * ${profiles})::int as pn, ${pick(TITLES)} as tn, (random() * 5400)::real as pos,
              now() - random() * interval '${DAYS} days' as at
            from generate_series(1, ${batch})) g
        join bench_profiles p on p.n = g.pn join bench_titles t on t.n = g.tn
      order by random() limit ${PROGRESS_ROWS - count}
      on conflict do nothing`);
  }
  await sql.unsafe(`
    insert into streams (account_id, profile_id, kind, item_id, title_id, asset_id, started_at, last_seen_at, ended_at)
    select p.account_id, p.id, 'movie', t.id, t.id, '${asset}', at, at, at + interval '1 hour'
    from (select 1 + floor(random() * ${profiles})::int as pn, ${pick(TITLES)} as tn, now() - random() * interval '${DAYS} days' as at
          from generate_series(1, ${STREAMS})) g
      join bench_profiles p on p.n = g.pn join bench_titles t on t.n = g.tn`);
  const [{ progressRows }] = await sql`select count(*)::int as "progressRows" from watch_progress`;
  const [{ streamRows }] = await sql`select count(*)::int as "streamRows" from streams`;
  const generated = (performance.now() - generating) / 1000;

  // The scores of what is already there (as the migration does on an install with history).
  const rebuildSeconds = (await time(() => rebuildTrending())) / 1000;
  await sql`analyze`;
  const [{ trendingRows }] = await sql`select count(*)::int as "trendingRows" from title_trending`;

  const audiences = [
    { label: "anonymous", audience: undefined },
    { label: "profile rated PG-13", audience: { maturityLevel: 2 } },
  ];
  const page = { limit: 20, offset: 0 };
  const rows: string[] = [];
  const results: Record<string, number[]> = {};
  for (const timeframe of TIMEFRAMES) {
    for (const { label, audience } of audiences) {
      for (let i = 0; i < 20; i++) await browseTrending({ audience }, timeframe, page); // warm up caches and plans
      const times: number[] = [];
      for (let i = 0; i < QUERIES; i++) times.push(await time(() => browseTrending({ audience }, timeframe, page)));
      results[`${timeframe} ${label}`] = times;
    }
  }

  // Baseline: the same ranking from the rows themselves on every request (stream starts and watch time in the window,
  // each decayed by its age), the scan trending avoids.
  const baseline = async (timeframe: (typeof TIMEFRAMES)[number]) => {
    const { hours, halfLifeHours } = TRENDING_WINDOWS[timeframe];
    return sql.unsafe(`
      with events as (
        select title_id, started_at as at, 1::float8 as w from streams where started_at > now() - interval '${hours} hours'
        union all
        select title_id, updated_at, position_seconds / 600.0 from watch_progress where updated_at > now() - interval '${hours} hours')
      select e.title_id, sum(e.w * power(2::float8, -extract(epoch from now() - e.at)::float8 / 3600 / ${halfLifeHours})) as score
      from events e join titles t on t.id = e.title_id and t.published
      group by e.title_id order by score desc limit 20`);
  };
  const baselineTimes: Record<string, number[]> = {};
  for (const timeframe of TIMEFRAMES) {
    await baseline(timeframe);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) times.push(await time(() => baseline(timeframe)));
    baselineTimes[timeframe] = times;
  }

  // The write side: what a stream start adds (one upsert of the title's row).
  const [{ id: hotTitle }] = await sql`select id from bench_titles where n = 1`;
  const writeTimes: number[] = [];
  for (let i = 0; i < 300; i++) writeTimes.push(await time(() => recordStreamStart(hotTitle)));
  await sql.end();

  const row = (label: string, values: number[]) =>
    `| ${label} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 95).toFixed(2)} | ${percentile(values, 99).toFixed(2)} |`;
  for (const [label, times] of Object.entries(results)) rows.push(row(`trending, ${label}`, times));
  for (const [timeframe, times] of Object.entries(baselineTimes)) rows.push(row(`baseline: scan of the window's rows, ${timeframe} (10 runs)`, times));
  rows.push(row("write: a stream start's upsert of the title's scores", writeTimes));
  const worst = Math.max(...Object.values(results).map((times) => percentile(times, 95)));
  const report = [
    `Command: \`BENCH_DATABASE_URL=${adminUrl} npm run bench:trending\` (bench/trending/run.ts) — on PostgreSQL,`,
    `${TITLES.toLocaleString("en-US")} titles (a fifth rated R), ${profiles.toLocaleString("en-US")} profiles, ${progressRows.toLocaleString("en-US")} progress rows and`,
    `${streamRows.toLocaleString("en-US")} stream starts spread over ${DAYS} days, a few titles watched far more than most (title ~ N·u³);`,
    `generated in ${generated.toFixed(0)} s, their scores rebuilt once (as the migration does) in ${rebuildSeconds.toFixed(1)} s`,
    `(${trendingRows.toLocaleString("en-US")} scored titles). Trending = \`lib/catalog/trending\` (browseTrending), first page of 20,`,
    `${QUERIES} queries per row, one at a time after 20 warm-up queries. Baseline, same run: the same ranking computed`,
    "per request from the window's stream and progress rows.",
    "",
    `Machine: ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores, Node ${process.version}; load average (1 / 5 / 15 min)`,
    `${loadAtStart} at the start, ${load()} at the end (other sessions' work shares the machine).`,
    "",
    "| query | p50 ms | p95 ms | p99 ms |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    `Worst trending p95 is ${worst.toFixed(2)} ms (target < 20 ms): ${worst < 20 ? "met" : "NOT met"}.`,
  ].join("\n");
  console.log(report);
  updateBenchmarks("Trending", report);
} finally {
  await closeDatabase();
  await database.drop();
}
