// A Content-Type header's media type, and the families of types Keypost treats alike (JSON, XML, text).

/** "Application/JSON; charset=utf-8" is "application/json": type and subtype, lower-cased, parameters dropped. */
export const mediaTypeOf = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** application/json and every +json type (application/problem+json, …). Takes a media type, not a header. */
export const isJsonMediaType = (mediaType: string) => /[/+]json$/.test(mediaType);

/** application/xml, text/xml and every +xml type (image/svg+xml, application/atom+xml, …). */
export const isXmlMediaType = (mediaType: string) => /[/+]xml$/.test(mediaType);

/** Types whose body is text to read: text/*, XML, and a few application types that are text in all but name. */
export const isTextMediaType = (mediaType: string) =>
  mediaType.startsWith('text/') ||
  isXmlMediaType(mediaType) ||
  ['application/javascript', 'application/x-www-form-urlencoded', 'application/graphql'].includes(mediaType);
