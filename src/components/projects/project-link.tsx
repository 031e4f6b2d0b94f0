import Link from "next/link";

export function projectHref(code: string): string {
  return `/projects/${encodeURIComponent(code)}`;
}

/** A project's code as a link to its overview; the name, when given, is part of the link text. */
export function ProjectLink({ code, name }: { code: string; name?: string }) {
  return (
    <Link
      href={projectHref(code)}
      className="font-medium whitespace-nowrap text-teal-700 underline-offset-2 hover:underline"
    >
      {code}
      {name ? <span className="sr-only"> {name}</span> : null}
    </Link>
  );
}
