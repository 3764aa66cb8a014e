// The same card as Open Graph; X reads twitter:image first.
export { alt, contentType, default, size } from './opengraph-image';
