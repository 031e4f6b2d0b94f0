import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaSetup } from "@/components/account/mfa-setup";
import { pendingEnrolment, SIGN_IN_STEP_PATH, startMfaEnrolment } from "@/lib/auth/mfa";
import { qrDataUrl } from "@/lib/auth/qr";
import { getPendingSignIn } from "@/lib/auth/sign-in-session";
import { db } from "@/lib/db/client";
import { ROLE_LABEL } from "@/lib/domain/labels";
import { MFA_REQUIRED_ROLES } from "@/lib/domain/mfa-policy";
import { confirmRequiredMfaAction, restartRequiredMfaAction } from "../actions";
import { nextPathFrom } from "../next-path";
import { SignInStepFrame } from "../step-frame";

export const metadata: Metadata = { title: "Set up two-step sign-in · Throughline" };

export default async function RequiredEnrolmentPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const pending = await getPendingSignIn();
  const next = await nextPathFrom((await searchParams).callbackUrl);
  if (!pending) redirect(next);
  if (pending.step !== "enrol_mfa") redirect(SIGN_IN_STEP_PATH[pending.step]);
  const { actor } = pending;
  // The step cannot be skipped, so the key is ready on arrival; a reload shows the same one.
  const enrolment = (await pendingEnrolment(db(), actor.id)) ?? (await startMfaEnrolment(db(), actor));
  const why = MFA_REQUIRED_ROLES.includes(actor.role)
    ? `${ROLE_LABEL[actor.role]}s sign in with their password and a code from an authenticator app.`
    : "Your organisation asks everyone to sign in with their password and a code from an authenticator app.";
  return (
    <SignInStepFrame title="Set up two-step sign-in" intro={`${why} Set it up now: it takes a minute.`}>
      <MfaSetup
        enrolment={{ secret: enrolment.secret, qrDataUrl: await qrDataUrl(enrolment.uri) }}
        enabled={false}
        confirmAction={confirmRequiredMfaAction}
        startAction={restartRequiredMfaAction}
        continueHref={next}
      />
    </SignInStepFrame>
  );
}
