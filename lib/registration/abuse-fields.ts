/**
 * A text input hidden from people (visually and from assistive tech) that bots fill in. The name
 * avoids every word autofill and password managers look for (name, mail, phone, address, company,
 * url, website…), and the double underscore cannot come out of a slug generator, so it never
 * collides with a Livestorm field id.
 */
export const HONEYPOT_FIELD = 'how_did_you_hear__other';
