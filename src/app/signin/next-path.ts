import "server-only";
import { headers } from "next/headers";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/** Where a sign-in step goes on to: the same-site callback the sign-in page carried, else "/". */
export async function nextPathFrom(callbackUrl: string | string[] | undefined): Promise<string> {
  return safeCallbackPath(callbackUrl, `http://${(await headers()).get("host") ?? "localhost"}`);
}
