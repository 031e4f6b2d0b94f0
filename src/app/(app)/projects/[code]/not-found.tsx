import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function ProjectNotFound() {
  return (
    <>
      <PageHeader title="Project not found" />
      <p className="text-sm text-slate-700">
        There is no project with that code; it may have been mistyped in the address.{" "}
        <Link href="/portfolio" className="font-medium text-teal-700 underline-offset-2 hover:underline">
          Find it in the portfolio
        </Link>
        .
      </p>
    </>
  );
}
