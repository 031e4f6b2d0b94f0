import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/password-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change your password · Throughline" };

export default async function ChangePasswordPage() {
  await requireActor();
  return (
    <>
      <PageHeader
        title="Change your password"
        description="Changing it signs you out everywhere else: on other browsers and devices you sign in again with the new one."
      />
      <div className="max-w-md">
        <ChangePasswordForm />
      </div>
    </>
  );
}
