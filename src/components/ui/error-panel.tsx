"use client";

import { useEffect } from "react";

/**
 * What a route's error boundary shows. The error's own message is not shown: in production Next.js
 * replaces server errors with a generic one anyway, and the digest lets support find the log line.
 */
export function ErrorPanel({
  error,
  retry,
  headingLevel = 1,
}: {
  error: unknown;
  retry: () => void;
  /** 2 inside a page that already has its own heading (a project's tabs under its header). */
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <Heading className="text-lg font-semibold text-slate-900">Something went wrong</Heading>
      <p className="mt-2 text-sm text-slate-600">
        This page could not be shown just now. Please try again; if it keeps happening, contact the service
        desk{digest ? " and quote the reference below" : ""}.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
      >
        Try again
      </button>
    </div>
  );
}
