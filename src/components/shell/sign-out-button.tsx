"use client";
// Signing out ends this session on the server as well (next-auth's sign-out event revokes its
// stored session: src/lib/auth/options.ts), so a copy of the cookie is worth nothing afterwards.
// Beside it, the way to the person's sessions and "sign out everywhere".
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <>
      <Link
        href="/account/sessions"
        className="text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
      >
        Sessions
      </Link>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/signin" });
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </>
  );
}
