"use client";
// Setting up two-step sign-in: scan the QR code (or type the key), confirm with a code from the app,
// then keep the ten recovery codes, shown this once. Used on the account's security page and as the
// step owed at sign-in by admins and executives (docs/security-mfa.md). Rendered in one place on
// both pages, so the codes stay on screen when the page refreshes around them.
import { useState } from "react";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { mfaCodeSchema } from "@/lib/schemas/account";

export interface EnrolmentView {
  /** The key as text, for those who cannot scan. */
  secret: string;
  /** The QR code as an SVG data URL, drawn on the server. */
  qrDataUrl: string;
}

export function MfaSetup({
  enrolment,
  enabled,
  confirmAction,
  startAction,
  continueHref,
}: {
  enrolment: EnrolmentView | null;
  enabled: boolean;
  confirmAction: FormAction;
  startAction: FormAction;
  /** Where to go once the codes are kept (the step owed at sign-in); none on the account page. */
  continueHref?: string;
}) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} continueHref={continueHref} />;
  if (enabled) return null;
  if (!enrolment) {
    return (
      <ActionForm
        action={startAction}
        submitLabel="Set up two-step sign-in"
        pendingLabel="Preparing…"
        label="Set up two-step sign-in"
      />
    );
  }
  const confirm: FormAction = async (state, form) => {
    const result = await confirmAction(state, form);
    if (result.ok) {
      const data = result.data as { recoveryCodes?: string[] } | null;
      if (data?.recoveryCodes) setRecoveryCodes(data.recoveryCodes);
    }
    return result;
  };
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>
          Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator
          or 1Password).
        </li>
        <li>Scan this QR code, or type the key below into the app.</li>
        <li>Enter the six-digit code the app shows for Throughline.</li>
      </ol>
      {/* biome-ignore lint/performance/noImgElement: a data URL drawn on the server, nothing to optimise */}
      <img
        src={enrolment.qrDataUrl}
        alt="QR code to scan with your authenticator app"
        width={192}
        height={192}
        className="rounded border border-slate-200 bg-white p-2"
      />
      <div>
        <p className="text-sm font-medium text-slate-800">Key for typing in</p>
        <code
          data-testid="mfa-secret"
          className="mt-1 block break-all rounded bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900"
        >
          {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
        </code>
      </div>
      <ActionForm
        action={confirm}
        schema={mfaCodeSchema}
        submitLabel="Turn on two-step sign-in"
        pendingLabel="Checking…"
        label="Confirm two-step sign-in"
      >
        <TextField
          name="code"
          label="Code from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          hint="Six digits. A new one appears every 30 seconds."
        />
      </ActionForm>
    </div>
  );
}

function RecoveryCodes({ codes, continueHref }: { codes: string[]; continueHref?: string }) {
  return (
    <section className="space-y-3" aria-label="Your recovery codes">
      <p
        role="status"
        className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200"
      >
        Two-step sign-in is on. From now on you sign in with your password and a code from your app.
      </p>
      <p className="text-sm text-slate-800">
        <strong>Keep these recovery codes somewhere safe.</strong> If you lose your phone, each one signs you
        in once instead of a code from the app. They are shown only now.
      </p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-3 py-1.5 text-slate-900">
            {code}
          </li>
        ))}
      </ul>
      {continueHref ? (
        <a
          href={continueHref}
          className="inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          I have kept them: continue
        </a>
      ) : null}
    </section>
  );
}
