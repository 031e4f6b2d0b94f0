"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { CODE_MAX_LENGTH, EMAIL_MAX_LENGTH, hasNul, PASSWORD_MAX_LENGTH } from "@/lib/auth/credentials";
import { throttledMinutes, tooManyAttemptsMessage } from "@/lib/auth/sign-in-errors";

// What authorize() says when the password was right and the second factor is missing or wrong
// (src/lib/auth/mfa.ts SecondFactorError), passed on by next-auth as the error.
const CODE_REQUIRED = "MFA_CODE_REQUIRED";
const CODE_REJECTED = "MFA_CODE_REJECTED";

const codeSchema = z
  .string()
  .trim()
  .min(1, "Enter the code from your authenticator app")
  .max(CODE_MAX_LENGTH, "Enter the six-digit code, or a recovery code")
  .refine((value) => !hasNul(value), "Enter the six-digit code, or a recovery code");

// The server's limits (src/lib/auth/credentials.ts), with messages a person can act on.
const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters`)
    .email("Enter a valid email address"),
  password: z
    .string()
    .min(1, "Enter your password")
    .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters`)
    .refine((value) => !hasNul(value), "A password cannot contain a NUL character"),
});

type FieldErrors = Partial<Record<"email" | "password" | "code", string>>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  // The second step (docs/security-mfa.md): the password was right, and the account has a second
  // factor. The email and password are kept here to be sent again with the code.
  const [credentials, setCredentials] = useState<z.infer<typeof signInSchema> | null>(null);

  async function finish(result: Awaited<ReturnType<typeof signIn>>, atCodeStep: boolean): Promise<void> {
    if (result?.error === CODE_REQUIRED) {
      setMessage(atCodeStep ? "Enter the code from your authenticator app." : "");
      return;
    }
    if (result?.error === CODE_REJECTED) {
      setFieldErrors({});
      setMessage(
        "That code was not accepted. Enter the code your app shows now (each code works once), or a recovery code.",
      );
      return;
    }
    if (!result || result.error) {
      // One message for every failure: it must not reveal whether the email has an account. A
      // lockout says how long to wait, for known and unknown emails alike (src/lib/auth/throttle.ts).
      setCredentials(null);
      const wait = throttledMinutes(result?.error);
      setMessage(wait === null ? "Email or password is incorrect." : tooManyAttemptsMessage(wait));
      return;
    }
    // Checked again here, against the origin the browser is really on, right before it is used.
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  }

  async function onSubmitCode(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!credentials) return;
    const parsed = codeSchema.safeParse(new FormData(event.currentTarget).get("code") ?? "");
    setMessage("");
    if (!parsed.success) {
      setFieldErrors({ code: parsed.error.issues[0]?.message ?? "Enter the code" });
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      await finish(await signIn("credentials", { ...credentials, code: parsed.data, redirect: false }), true);
    } catch {
      setMessage("Sign-in is unavailable just now. Please try again.");
    } finally {
      setPending(false);
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setMessage("");
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.error === CODE_REQUIRED) setCredentials(parsed.data);
      await finish(result, false);
    } catch {
      setMessage("Sign-in is unavailable just now. Please try again.");
    } finally {
      setPending(false);
    }
  }

  if (credentials) {
    return (
      <form
        onSubmit={onSubmitCode}
        noValidate
        aria-label="Two-step sign-in"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      >
        <p className="text-sm text-slate-700">
          Enter the six-digit code from your authenticator app for {credentials.email}, or one of your
          recovery codes.
        </p>
        <Field
          label="Authentication code"
          name="code"
          type="text"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={CODE_MAX_LENGTH}
          error={fieldErrors.code}
        />
        <Outcome message={message} />
        <SubmitButton pending={pending} label="Verify code" pendingLabel="Checking…" />
        <button
          type="button"
          onClick={() => {
            setCredentials(null);
            setMessage("");
            setFieldErrors({});
          }}
          className="w-full text-sm font-medium text-teal-800 underline"
        >
          Use a different account
        </button>
      </form>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        maxLength={EMAIL_MAX_LENGTH}
        error={fieldErrors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
        error={fieldErrors.password}
      />
      <Outcome message={message} />
      <SubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" />
    </form>
  );
}

/** The last attempt's refusal, announced as it arrives; the space is kept so nothing jumps. */
function Outcome({ message }: { message: string }) {
  return (
    <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700">
      {message}
    </p>
  );
}

function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

function Field(props: {
  label: string;
  name: string;
  type: string;
  autoComplete: string;
  maxLength: number;
  inputMode?: "numeric";
  error?: string;
}) {
  const errorId = `${props.name}-error`;
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600 aria-invalid:border-red-600"
      />
      {props.error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
