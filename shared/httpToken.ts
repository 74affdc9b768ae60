// The RFC 9110 token: the grammar of a method and of a header name, checked wherever one is typed.
/** An RFC 9110 token, the grammar of a method and of a header name: one word of letters, digits and a few marks. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const isHttpToken = (text: string) => HTTP_TOKEN.test(text);
/** The token's rule in words, for messages. */
export const HTTP_TOKEN_IN_WORDS = "one word of letters, digits and !#$%&'*+-.^_`|~";
