const languageNames = new Map<string, Intl.DisplayNames>();

/** "fr" → "French" in `locale` (or "FR" when Intl does not know the code). Client-safe. */
export function languageName(code: string, locale: string): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
  try {
    return names.of(code) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}
