import "server-only";
// act() for the steps owed right after signing in (a password of one's own, a second factor): the
// same refusal of another site's request, then the session of someone who owes `step` rather than a
// fully signed-in one (src/lib/auth/sign-in-session.ts). Anyone else is told their session ended.
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import { getPendingSignIn } from "@/lib/auth/sign-in-session";
import type { SignInStep } from "@/lib/domain/mfa-policy";
import { getEnv } from "@/lib/env";
import { isOwnOrigin } from "@/lib/security/origin";
import { formInput, type Operation } from "./actions";
import { toFailure } from "./operations/errors";

export async function actOnPendingSignIn<T>(
  step: SignInStep,
  operation: Operation<T>,
  form: FormData,
): Promise<ActionResult<T>> {
  const request = await headers();
  const sameOrigin = isOwnOrigin({
    origin: request.get("origin"),
    nextAuthUrl: getEnv().NEXTAUTH_URL,
    host: request.get("host"),
    forwardedHost: request.get("x-forwarded-host"),
    forwardedProto: request.get("x-forwarded-proto"),
  });
  if (!sameOrigin)
    return {
      ok: false,
      code: "FORBIDDEN",
      message: "This request came from another site, so it was refused. Open Throughline and try again.",
    };
  let pending: Awaited<ReturnType<typeof getPendingSignIn>>;
  try {
    pending = await getPendingSignIn();
  } catch (error) {
    return toFailure(error);
  }
  if (!pending || pending.step !== step)
    return {
      ok: false,
      code: "UNAUTHENTICATED",
      message: "Your session has ended. Sign in again to continue.",
    };
  return operation(pending.actor, formInput(form));
}
