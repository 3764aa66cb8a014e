import type { FormField } from '@/lib/registration/form-model';

/**
 * Which column of a contact list goes to which registration field: guessed from the headers
 * (spreadsheet exports name them in every language), shown to the marketer, editable. Pure and
 * client-safe: the console's mapping step and the command line guess the same way.
 */

/** A column's destination: an event field, a campaign parameter, or nothing. */
export type ColumnTarget = { kind: 'field'; fieldId: string } | { kind: 'utm'; param: UtmParam } | { kind: 'ignore' };

export const UTM_COLUMNS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export type UtmParam = (typeof UTM_COLUMNS)[number];

/** "Adresse e-mail" → "adresse e mail": case, accents and punctuation do not tell headers apart. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Headers seen in exports (English, French, German, Spanish, Italian, Dutch), by field id. */
const SYNONYMS: Record<string, readonly string[]> = {
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'courriel', 'adresse e mail', 'adresse email', 'adresse mail', 'e mail adresse', 'email adresse', 'correo', 'correo electronico', 'indirizzo email', 'e mailadres'],
  first_name: ['first name', 'firstname', 'first', 'given name', 'forename', 'prenom', 'vorname', 'nombre', 'nome', 'voornaam'],
  last_name: ['last name', 'lastname', 'last', 'surname', 'family name', 'nom', 'nom de famille', 'nachname', 'familienname', 'apellido', 'apellidos', 'cognome', 'achternaam'],
  company: ['company', 'company name', 'organization', 'organisation', 'organization name', 'account', 'account name', 'employer', 'societe', 'entreprise', 'firma', 'unternehmen', 'empresa', 'azienda', 'bedrijf'],
  job_title: ['job title', 'title', 'job', 'position', 'role', 'poste', 'fonction', 'intitule du poste', 'berufsbezeichnung', 'position im unternehmen', 'cargo', 'puesto', 'ruolo', 'functie'],
  phone: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'numero de telephone', 'telefon', 'telefonnummer', 'telefono', 'telefoonnummer'],
  country: ['country', 'pays', 'land', 'pais', 'paese'],
  website: ['website', 'web site', 'url', 'site web', 'site internet', 'webseite', 'sitio web', 'sito web'],
};

/**
 * The guessed destination of each column, in column order. A header matches a field by the
 * field's id, its label (the workspace's own name for it) or a known synonym; a `utm_*` header is
 * a campaign parameter; each field takes its first matching column only.
 */
export function guessColumns(headers: readonly string[], fields: readonly FormField[]): ColumnTarget[] {
  const taken = new Set<string>();
  // "Opt-in" and "optin", "e-mail" and "email": spaces do not tell names apart either.
  const same = (a: string, b: string) => a === b || a.replaceAll(' ', '') === b.replaceAll(' ', '');
  return headers.map((header) => {
    const name = normalizeHeader(header);
    const utm = UTM_COLUMNS.find((param) => same(normalizeHeader(param), name));
    if (utm) return { kind: 'utm', param: utm };
    const field = fields.find(
      (candidate) =>
        !taken.has(candidate.id) &&
        (same(normalizeHeader(candidate.id), name) ||
          same(normalizeHeader(candidate.label), name) ||
          (SYNONYMS[candidate.id] ?? []).includes(name)),
    );
    if (!field) return { kind: 'ignore' };
    taken.add(field.id);
    return { kind: 'field', fieldId: field.id };
  });
}

/** Required fields no column goes to: the import cannot start until each has one. */
export function unmappedRequiredFields(targets: readonly ColumnTarget[], fields: readonly FormField[]): FormField[] {
  const mapped = new Set(targets.flatMap((target) => (target.kind === 'field' ? [target.fieldId] : [])));
  return fields.filter((field) => field.required && !mapped.has(field.id));
}
