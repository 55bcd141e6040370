import type { Metadata } from "next";
import Link from "next/link";
import { UploadVideo } from "@/components/admin/upload-video";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { listUploads } from "@/lib/admin/uploads";

export const metadata: Metadata = { title: "Upload" };

const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);

export default async function AdminUploadsPage() {
  const principal = await requireAdminPage("/admin/uploads");
  const uploads = await listUploads(principal);
  return (
    <div className="space-y-8">
      <section className="max-w-2xl space-y-3">
        <h1 className="text-2xl font-bold">Upload a video</h1>
        <p className="text-sm text-muted">
          Videos of any size upload in pieces and resume after a dropped connection (pick the same file again to carry on).
          To attach the video to a movie or episode directly, upload it from that title&apos;s page.
        </p>
        <UploadVideo />
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent" className="text-lg font-semibold">Recent uploads</h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-muted"><tr><th className="py-2">File</th><th>Received</th><th>Status</th><th>Transcode</th></tr></thead>
          <tbody className="divide-y divide-white/10">
            {uploads.items.map((u) => (
              <tr key={u.id}>
                <td className="py-2">{u.filename}</td>
                <td>{size(u.offset)} of {size(u.length)}</td>
                <td>{u.status}{u.error && <span className="text-danger-soft"> · {u.error}</span>}</td>
                <td>{u.job_id ? <Link href={`/admin/jobs#${u.job_id}`} className="underline">job</Link> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
