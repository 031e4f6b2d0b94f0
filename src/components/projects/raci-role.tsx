import { RACI_LABEL } from "@/lib/domain/labels";
import type { RaciLetter } from "@/lib/domain/vocabulary";

/** A RACI letter with its word beside it, so the letter never has to be decoded. */
export function RaciRole({ letter }: { letter: RaciLetter }) {
  return (
    <>
      <span className="font-semibold">{letter}</span>{" "}
      <span className="text-slate-600">{RACI_LABEL[letter]}</span>
    </>
  );
}
