// The one sign-in answer besides "email or password is incorrect" (issue #11): how long to wait
// after too many failures. authorize() throws it as an error code, next-auth hands the code to the
// sign-in form (as `error`), and the form turns it back into words. Pure: the form uses it in the
// browser.

const THROTTLED = "TooManyAttempts";

/** The error code authorize() throws for a locked account or address. */
export function throttledSignInError(minutes: number): string {
  return `${THROTTLED}:${Math.max(1, Math.ceil(minutes))}`;
}

/** The minutes a throttled sign-in's error code names, or null for any other error. */
export function throttledMinutes(error: string | null | undefined): number | null {
  const match = error ? /^TooManyAttempts:(\d{1,4})$/.exec(error) : null;
  return match ? Number(match[1]) : null;
}

export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
