/**
 * Abbreviations that end in a period but rarely end a sentence, grouped by how the
 * sentence splitter must treat the word that follows them.
 */

/** Titles before a name: never the end of a sentence. */
export const TITLES: ReadonlySet<string> = new Set(
  'Mr Mrs Ms Messrs Dr Sec Gen Sen Sens Rep Reps Gov Lt Col St Prof Sgt Capt Cmdr Adm Maj Rev Hon Pres Amb Atty Supt Det Insp Brig Fr Gens Cpl Pvt Rt Mme Mlle'.split(
    ' ',
  ),
);

/** Month abbreviations: not a sentence end before a day number ("Nov. 30"). */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);

/** Abbreviations never ending a sentence before what follows ("vs. Russia", "No. 2"). */
export const ALWAYS_JOIN: ReadonlySet<string> = new Set('vs v No Nos approx Fig Figs Vol Art cf ca'.split(' '));

/**
 * U.S. state (and D.C.) abbreviations in AP style: after a place name they end a sentence
 * before a capitalised word ("Miami Beach, Fla. Trump said"), not before a dash or comma.
 */
export const STATES: ReadonlySet<string> = new Set(
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nebr Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo D.C'.split(
    ' ',
  ),
);

/** Company and name suffixes: like dotted acronyms, a sentence end only before a typical starter. */
export const SUFFIXES: ReadonlySet<string> = new Set('Inc Corp Co Ltd Jr Sr Bros etc al'.split(' '));

/** Words that typically open a sentence: after "U.S." or "p.m." they signal a new one. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'The A An He She It They We I You This That These Those There Here But And Or So Yet Still ' +
    'In On At For As If When While After Before Since Although Though However Meanwhile Then ' +
    'His Her Its Their Our My Your Some Many Most All No Not One Both Each What Who Why How Where ' +
    'Later Earlier Now Today Yesterday Tomorrow Asked According During Under Despite'
  ).split(' '),
);
