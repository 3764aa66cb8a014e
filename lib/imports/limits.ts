/** Rows a contact list may have; beyond, the import is refused while the file is read, never held whole. */
export const MAX_IMPORT_ROWS = 50_000;
