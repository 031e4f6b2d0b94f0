"use client";
// The Delivery tab's bar charts, drawn when they come near the screen (issue #12: total blocking
// time ≤ 200 ms). Recharts lays a chart out in the browser, and drawing the tab's charts while the
// page hydrated held the main thread for seconds on a laptop. The page now arrives with each
// chart's space held (no layout shift) and its summary in words; the chart's code loads and draws
// after hydration, once the reader is near it. The table view and CSV around it are server-rendered
// as before, so no figure waits on the chart.
import dynamic from "next/dynamic";
import { type ComponentProps, useEffect, useRef, useState } from "react";
import type { BarChart as EagerBarChart } from "@/components/charts/bar-chart";
import { barChartHeight } from "@/components/charts/bar-chart-size";

const BarChart = dynamic(() => import("@/components/charts/bar-chart").then((m) => m.BarChart), {
  ssr: false,
});

export function LazyBarChart(props: ComponentProps<typeof EagerBarChart>) {
  const frame = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const height = barChartHeight(props.rows.length, props.series.length, props.stacked ?? false);
  return (
    <div ref={frame} style={{ minHeight: height }}>
      {near ? (
        <BarChart {...props} />
      ) : (
        <div
          role="img"
          aria-label={props.summary}
          className="w-full rounded bg-slate-50"
          style={{ height }}
        />
      )}
    </div>
  );
}
