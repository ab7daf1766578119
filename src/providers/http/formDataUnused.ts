/**
 * Stands in for the `form-data` package in the bundle. axios's Node build imports it for multipart
 * bodies, which no source sends; without this, the bundle carries form-data and its 130 KB MIME
 * database for nothing. esbuild.mjs maps the import here.
 */
export default class FormDataNotBundled {}
