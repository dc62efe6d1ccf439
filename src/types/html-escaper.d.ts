// html-escaper ships no type declarations; this is the part we use.
declare module 'html-escaper' {
  /** Escape &, <, >, ' and " for HTML text and attributes. */
  // biome-ignore lint/suspicious/noShadowRestrictedNames: the package's export is named `escape`.
  export function escape(text: string): string;
}
