import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function UserNotFound() {
  return (
    <>
      <PageHeader title="User not found" />
      <p className="text-sm text-slate-700">
        There is no account at that address; the link may be mistyped.{" "}
        <Link href="/admin/users" className="font-medium text-teal-800 underline-offset-2 hover:underline">
          Find them in the users list
        </Link>
        .
      </p>
    </>
  );
}
