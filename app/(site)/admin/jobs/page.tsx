import type { Metadata } from "next";
import { JobsLive } from "@/components/admin/jobs-live";
import { listQueue } from "@/lib/admin/jobs";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Transcode jobs" };

export default async function AdminJobsPage() {
  const principal = await requireAdminPage("/admin/jobs");
  const { items } = await listQueue(principal, { limit: 100 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Transcode jobs</h1>
      <p className="text-sm text-muted">Updates live. A failed job shows why; retry it once the cause is fixed.</p>
      <JobsLive initial={items} />
    </div>
  );
}
