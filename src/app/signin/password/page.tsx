import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChoosePasswordForm } from "@/components/account/password-forms";
import { SIGN_IN_STEP_PATH } from "@/lib/auth/mfa";
import { getPendingSignIn } from "@/lib/auth/sign-in-session";
import { nextPathFrom } from "../next-path";
import { SignInStepFrame } from "../step-frame";

export const metadata: Metadata = { title: "Choose your password · Throughline" };

export default async function ChoosePasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const pending = await getPendingSignIn();
  const next = await nextPathFrom((await searchParams).callbackUrl);
  if (!pending) redirect(next);
  if (pending.step !== "change_password") redirect(SIGN_IN_STEP_PATH[pending.step]);
  return (
    <SignInStepFrame
      title="Choose your own password"
      intro={`${pending.actor.name}, an administrator set your password, so only you and they know it. Choose one only you know before you go on.`}
    >
      <ChoosePasswordForm next={next} />
    </SignInStepFrame>
  );
}
