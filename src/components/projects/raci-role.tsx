import type { RaciLetter } from "@/generated/prisma/enums";
import { RACI_LABEL } from "../ui/labels";

/** A RACI letter with its word beside it, so the letter never has to be decoded. */
export function RaciRole({ letter }: { letter: RaciLetter }) {
  return (
    <>
      <span className="font-semibold">{letter}</span>{" "}
      <span className="text-slate-600">{RACI_LABEL[letter]}</span>
    </>
  );
}
