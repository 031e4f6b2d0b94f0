"use client";
import { TextAreaField } from "../forms/fields";
import { useKeptValue } from "./use-kept-value";

/** A text area that keeps its words when the attempt is refused; its form remounts once it succeeds. */
export function KeptTextArea(props: { name: string; label: string; hint?: string; rows?: number }) {
  const kept = useKeptValue();
  return <TextAreaField {...props} {...kept.field} />;
}
