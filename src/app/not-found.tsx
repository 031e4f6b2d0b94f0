import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-6">
      <p className="text-sm font-medium text-teal-700">Page not found</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">We could not find that page</h1>
      <p className="mt-2 text-sm text-slate-600">
        The address may be mistyped, or the page may have moved. Check the address, or go back to your start
        page.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-teal-700 underline-offset-2 hover:underline">
          Go to your start page
        </Link>
      </p>
    </main>
  );
}
