// A Content-Type's media type and its family, as both sides read it (main classifies bodies, the page picks a highlighter).
import { describe, expect, it } from 'vitest';
import { isJsonMediaType, isTextMediaType, isXmlMediaType, mediaTypeOf } from '../../shared/mediaType';

describe('mediaTypeOf', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON; charset=UTF-8', 'application/json'],
    ['  text/html ;charset=utf-8', 'text/html'],
    ['multipart/form-data; boundary=x;y', 'multipart/form-data'],
    ['', ''],
  ])('reads %j as %j', (header, mediaType) => expect(mediaTypeOf(header)).toBe(mediaType));
});

describe('the families', () => {
  it('counts every +json type as JSON, and nothing that only starts like it', () => {
    expect(['application/json', 'application/problem+json', 'text/json'].every(isJsonMediaType)).toBe(true);
    expect(['application/jsonp', 'application/json-seq', 'text/plain', ''].some(isJsonMediaType)).toBe(false);
  });

  it('counts XML and +xml types as XML', () => {
    expect(['application/xml', 'text/xml', 'image/svg+xml', 'application/atom+xml'].every(isXmlMediaType)).toBe(true);
    expect(['application/xmlx', 'text/html'].some(isXmlMediaType)).toBe(false);
  });

  it('reads text/*, XML and the text-like application types as text, not JSON or images', () => {
    expect(['text/plain', 'text/html', 'image/svg+xml', 'application/javascript', 'application/x-www-form-urlencoded', 'application/graphql'].every(isTextMediaType)).toBe(true);
    expect(['image/png', 'application/octet-stream', 'application/json', ''].some(isTextMediaType)).toBe(false);
  });
});
