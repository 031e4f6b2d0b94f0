"use client";

import { useEffect, useState } from "react";

/**
 * On an error page: asks /api/health whether the database is what failed, and if so says it in
 * words (issue #11, "database down or slow"), so people know to wait rather than report a fault.
 * The page's own error cannot tell: in production Next.js hides server errors' messages.
 */
export function DatabaseOutageNotice() {
  const [down, setDown] = useState(false);
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => {
        if (current) setDown(response.status === 503);
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, []);
  if (!down) return null;
  return (
    <p
      role="status"
      className="mx-auto mb-4 max-w-lg rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
    >
      Throughline cannot reach its database at the moment. Nothing was half-saved: every change is saved whole
      or not at all. Please try again in a minute or two.
    </p>
  );
}
