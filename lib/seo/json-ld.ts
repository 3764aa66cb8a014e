/**
 * JSON for a `<script type="application/ld+json">`: every "<" becomes \u003c, so no value (a
 * title containing "</script>", say) can close the element early. JSON.parse reads it back unchanged.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
