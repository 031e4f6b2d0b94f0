import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SIGN_IN_STEP_PATH } from "@/lib/auth/mfa";
import { getActor } from "@/lib/auth/session";
import { getPendingSignIn } from "@/lib/auth/sign-in-session";

export const metadata: Metadata = { title: "Sign in · Throughline" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  if (await getActor()) redirect("/");
  // Every value is passed on, so a repeated callbackUrl is refused rather than one picked (#11).
  // Only a same-site path survives; anything else goes to "/", which sends each role to its landing
  // page. The host only anchors the parse: what comes back is always a path, never an address.
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl, `http://${(await headers()).get("host") ?? "localhost"}`);
  // Signed in but owing a step (a password of their own, a second factor): every page sends them
  // here, and here sends them on to the step, keeping where they were going.
  const pending = await getPendingSignIn();
  if (pending) {
    const step = SIGN_IN_STEP_PATH[pending.step];
    redirect(next === "/" ? step : `${step}?callbackUrl=${encodeURIComponent(next)}`);
  }
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-2xl font-semibold text-slate-900">Throughline</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Strategy and delivery on one line.</p>
        <SignInForm callbackUrl={next} />
      </div>
    </main>
  );
}
