import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { currentPrincipal } from "@/lib/site/session";

export const metadata: Metadata = { title: { template: "%s · Admin · NormFlix", default: "Admin · NormFlix" } };

// The admin area. Each page checks the role itself (requireAdminPage); the navigation shows only to admins.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <div className="mx-auto max-w-screen-xl px-4 py-8 sm:px-8">
      {principal?.role === "admin" && <AdminNav />}
      {children}
    </div>
  );
}
