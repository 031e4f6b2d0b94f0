import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Throughline", template: "%s · Throughline" },
  description: "Portfolio governance: strategy and delivery on one line.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
