import { PlanTable } from "@/components/plan-table";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <header className="flex items-center justify-between">
        <p className="text-3xl font-black tracking-tight text-brand">NORMFLIX</p>
        <a href="/docs/api" className="text-sm text-muted underline-offset-4 hover:text-white hover:underline">
          API reference
        </a>
      </header>

      <section className="mt-20 max-w-2xl">
        <h1 className="text-4xl font-bold leading-tight sm:text-5xl">Movies and shows, streamed from your own server.</h1>
        <p className="mt-6 text-lg text-muted">
          NormFlix is a self-hostable streaming service: profiles for everyone in the house, resume where you stopped on
          any device, and an open JSON API for the apps you build.
        </p>
      </section>

      <section className="mt-20" aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="mb-6 text-2xl font-semibold">
          Plans
        </h2>
        <PlanTable />
      </section>
    </main>
  );
}
