"use client";
// The one way to build a form: React 19's useActionState over a server action that returns an
// ActionResult. The input is checked in the browser with the operation's own zod schema before it
// is sent (the server checks it again); field errors show beside their fields; a refusal by a
// governance rule shows as a banner naming the gap; a conflict offers a reload; the submit button
// shows that it is working; success is announced, and nothing reloads the whole page.
//
// The form is submitted through a transition rather than `<form action>`: React resets a form after
// every action it runs, and a refused attempt must keep what the person typed. A successful one
// clears it, as a sent form should.
import { useRouter } from "next/navigation";
import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useId,
  useState,
} from "react";
import type { z } from "zod";
import type { ActionResult, Failure } from "@/lib/action-result";
import { invalidInput } from "@/lib/form-failure";
import { formInput } from "@/lib/form-input";
import { Button, type ButtonVariant } from "../ui/button";

export type FormState = ActionResult<unknown> | null;
export type FormAction = (state: FormState, form: FormData) => Promise<ActionResult<unknown>>;

interface FormContextValue {
  state: FormState;
  /** Prefix for field ids, so two forms on a page never share an id. */
  idPrefix: string;
}

const FormContext = createContext<FormContextValue>({ state: null, idPrefix: "form" });

/** The errors the last attempt left beside `name`, for the field components. */
export function useFieldErrors(name: string): { id: string; errors: string[] } {
  const { state, idPrefix } = useContext(FormContext);
  const errors = state && !state.ok ? (state.fieldErrors?.[name] ?? []) : [];
  return { id: `${idPrefix}-${name}`, errors };
}

export interface ActionFormProps {
  action: FormAction;
  /** The schema the operation parses its input with; the browser checks it first. */
  schema?: z.ZodType;
  /** Values the form carries without showing them: ids, and the version the page was read at. */
  hidden?: Record<string, string | number | null | undefined>;
  submitLabel: string;
  pendingLabel?: string;
  submitVariant?: ButtonVariant;
  /** How a refusal starts, e.g. "Cannot approve": the operation's message follows. */
  refusalTitle?: string;
  /** An accessible name for the form (e.g. "Change the forecast of Go live"). */
  label?: string;
  className?: string;
  children?: React.ReactNode;
}

// A successful save usually changes the record's version, and forms keyed on it are then mounted
// afresh, which would drop the "saved" message at once. The message waits here for the new form
// with the same name to show it. The new form may mount before the old one's action has finished
// (the refreshed page and the action's result come back in one response, in no promised order),
// so a form that mounted without a message also listens for one announced under its name.
// It waits a few seconds at most, so a form opened later never announces an old save.
const successWaitingFor = new Map<string, { message: string; at: number }>();
interface SuccessListener {
  /** The listening form's own id: the form that saved does not take its own announcement. */
  form: string;
  heard: (message: string) => void;
}
const successListeners = new Map<string, Set<SuccessListener>>();
const SUCCESS_CARRIED_MS = 5_000;

function takeSuccess(name: string): string | undefined {
  const waiting = successWaitingFor.get(name);
  successWaitingFor.delete(name);
  return waiting && Date.now() - waiting.at < SUCCESS_CARRIED_MS ? waiting.message : undefined;
}

function announceSuccess(name: string, message: string, fromForm: string) {
  successWaitingFor.set(name, { message, at: Date.now() });
  for (const listener of successListeners.get(name) ?? []) {
    if (listener.form !== fromForm) listener.heard(message);
  }
}

/** Calls `listener` with a success announced under `name` while the form is mounted. */
function listenForSuccess(name: string, form: string, listener: (message: string) => void): () => void {
  const mountedAt = Date.now();
  const listeners = successListeners.get(name) ?? new Set();
  const entry: SuccessListener = {
    form,
    heard: (message) => {
      if (Date.now() - mountedAt >= SUCCESS_CARRIED_MS) return;
      successWaitingFor.delete(name);
      listener(message);
    },
  };
  listeners.add(entry);
  successListeners.set(name, listeners);
  return () => {
    listeners.delete(entry);
    if (listeners.size === 0) successListeners.delete(name);
  };
}

/** The form's name and the records it is about (not their versions), which a remount keeps. */
function formIdentity(name: string, hidden: ActionFormProps["hidden"]): string {
  const about = Object.entries(hidden ?? {})
    .filter(([field]) => field !== "version" && !field.endsWith("Version"))
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([name, about]);
}

export function ActionForm({
  action,
  schema,
  hidden,
  submitLabel,
  pendingLabel,
  submitVariant = "primary",
  refusalTitle = "Not saved",
  label,
  className,
  children,
}: ActionFormProps) {
  const idPrefix = useId();
  const name = formIdentity(label ?? submitLabel, hidden);
  const [carried, setCarried] = useState(() => takeSuccess(name));
  useEffect(() => listenForSuccess(name, idPrefix, setCarried), [name, idPrefix]);
  const [state, formAction, pending] = useActionState(
    async (previous: FormState, { form, data }: { form: HTMLFormElement; data: FormData }) => {
      if (schema) {
        const parsed = schema.safeParse(formInput(data));
        if (!parsed.success) return invalidInput(parsed.error);
      }
      const result = await action(previous, data);
      if (result.ok) {
        form.reset();
        announceSuccess(name, result.message ?? "Saved.", idPrefix);
      }
      return result;
    },
    null,
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(() => formAction({ form, data }));
  }

  return (
    <FormContext.Provider value={{ state, idPrefix }}>
      <form onSubmit={onSubmit} noValidate aria-label={label} className={className ?? "space-y-4"}>
        {Object.entries(hidden ?? {}).map(([name, value]) =>
          value === null || value === undefined ? null : (
            <input key={name} type="hidden" name={name} value={String(value)} />
          ),
        )}
        {children}
        <FormOutcome
          state={state ?? (carried ? { ok: true, data: null, message: carried } : null)}
          refusalTitle={refusalTitle}
        />
        <SubmitButton
          label={submitLabel}
          pendingLabel={pendingLabel}
          variant={submitVariant}
          pending={pending}
        />
      </form>
    </FormContext.Provider>
  );
}

function SubmitButton({
  label,
  pendingLabel,
  variant,
  pending,
}: {
  label: string;
  pendingLabel?: string;
  variant: ButtonVariant;
  pending: boolean;
}) {
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? "Saving…") : label}
    </Button>
  );
}

/** The result of the last attempt, announced to assistive technology as it arrives. */
function FormOutcome({ state, refusalTitle }: { state: FormState; refusalTitle: string }) {
  return (
    <div aria-live="polite">
      {state === null ? null : state.ok ? (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200"
        >
          {state.message ?? "Saved."}
        </p>
      ) : (
        <FailureBanner failure={state} refusalTitle={refusalTitle} />
      )}
    </div>
  );
}

export function FailureBanner({ failure, refusalTitle }: { failure: Failure; refusalTitle: string }) {
  const router = useRouter();
  const title: Record<Failure["code"], string> = {
    INVALID: "Check the highlighted fields",
    RULE: refusalTitle,
    CONFLICT: "Not saved",
    FORBIDDEN: "Not allowed",
    NOT_FOUND: "No longer there",
    UNAUTHENTICATED: "Signed out",
    UNEXPECTED: "Something went wrong",
  };
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200">
      <p>
        <span className="font-semibold">
          {/* A conflict beside a field (a code or email already taken) is a choice to correct. */}
          {failure.code === "CONFLICT" && failure.fieldErrors ? refusalTitle : title[failure.code]}:{" "}
        </span>
        {failure.code === "INVALID" ? "some fields need attention." : failure.message}
      </p>
      {/* A conflict beside a field is a taken code or email: nothing to reload. */}
      {failure.code === "CONFLICT" && !failure.fieldErrors ? (
        <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
          Reload to see their change
        </Button>
      ) : null}
      {failure.code === "UNAUTHENTICATED" ? (
        <a href="/signin" className="mt-2 inline-block font-medium text-teal-800 underline">
          Sign in again
        </a>
      ) : null}
    </div>
  );
}
