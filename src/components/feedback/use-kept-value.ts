"use client";
// React 19 resets a form's uncontrolled fields once its action has run, whatever the outcome, so a
// refused form (a field missing, a rule not met) would lose what the person typed. Fields held in
// state are not reset: they keep the words until the form succeeds and is remounted or cleared.
import { type ChangeEvent, useState } from "react";

export function useKeptValue(initial = "") {
  const [value, setValue] = useState(initial);
  return {
    value,
    set: setValue,
    field: {
      value,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
        setValue(event.target.value),
    },
  };
}
