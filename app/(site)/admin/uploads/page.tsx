import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UploadVideo } from "@/components/admin/upload-video";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { listUploads } from "@/lib/admin/uploads";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.uploads"))("title") };
}

export default async function AdminUploadsPage() {
  const principal = await requireAdminPage("/admin/uploads");
  const [uploads, t, f] = await Promise.all([listUploads(principal), getTranslations("admin"), getFormat()]);
  return (
    <div className="space-y-8">
      <section className="max-w-2xl space-y-3">
        <h1 className="text-2xl font-bold">{t("uploads.heading")}</h1>
        <p className="text-sm text-muted">{t("uploads.help")}</p>
        <UploadVideo />
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent" className="text-lg font-semibold">{t("uploads.recent")}</h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-muted">
            <tr><th className="py-2">{t("uploads.file")}</th><th>{t("uploads.received")}</th><th>{t("common.status")}</th><th>{t("uploads.transcode")}</th></tr>
          </thead>
          <tbody className="divide-y divide-white/10">
            {uploads.items.map((u) => (
              <tr key={u.id}>
                <td className="py-2">{u.filename}</td>
                <td>{t("uploads.receivedOf", { received: f.fileSize(u.offset), total: f.fileSize(u.length) })}</td>
                <td>{t(`uploads.status.${u.status}`)}{u.error && <span className="text-danger-soft"> · {u.error}</span>}</td>
                <td>{u.job_id ? <Link href={`/admin/jobs#${u.job_id}`} className="underline">{t("uploads.job")}</Link> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
