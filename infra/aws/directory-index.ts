/**
 * The CloudFront Function on the site's default behaviour (never on `/api/*`): serves
 * directory-style URLs from S3, where `/report/` is the object `report/index.html`.
 */

/**
 * Source for the `cloudfront-js-2.0` runtime. `/x/` is rewritten to `/x/index.html`; `/x` (no
 * dot in the last segment) is redirected to `/x/` so relative links resolve as in the local
 * runtime. Files such as `/_astro/app.css` pass through. The site uses no query strings, so a
 * redirect drops them rather than risk carrying anything into a logged URL.
 */
export const directoryIndexSource = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' }, 'cache-control': { value: 'max-age=3600' } },
    };
  }
  return request;
}
`;
