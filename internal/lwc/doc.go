// Package lwc scans the JavaScript of a Lightning Web Component for the ways
// it reaches a server: Apex methods imported from @salesforce/apex (and
// @salesforce/apexContinuation), calls of fetch, XMLHttpRequest and
// navigator.sendBeacon, and string or template literals that name a path under
// /services/ (the REST, SOAP and Apex REST endpoints of an org).
//
// Scan splits the source into tokens once, the way a JavaScript engine would:
// comments, quoted strings with their escapes, template literals with nested
// ${...} substitutions, regular-expression literals and punctuation. It then
// matches short token patterns, so text inside comments, strings and regular
// expressions is never mistaken for code. Every item carries the 1-based line
// and column of its first character: the module string of an import, the
// called name of a call (fetch, open, sendBeacon), the opening quote or
// backtick of a literal. Columns count characters (runes); a line ends at LF,
// CR or CRLF; a byte order mark at the start takes no column.
//
// Known limits, by design:
//
//   - The scan is lexical only. There is no parse tree and no data flow: a
//     URL assembled in a variable, or passed through a helper, is reported
//     with its source text and no value, and fetch reached through an alias
//     (const f = fetch) or optional chaining (window?.fetch) is not seen.
//   - Only default imports of an Apex method are reported, which is the form
//     Salesforce documents (import getItems from '@salesforce/apex/C.getItems').
//     Named, namespace and side-effect imports of those modules, and dynamic
//     import(), are ignored.
//   - fetch is recognised when called bare or as window.fetch, globalThis.fetch
//     or self.fetch; XMLHttpRequest is recognised by any .open(...) call whose
//     first argument is a literal HTTP method, whatever the receiver.
//   - Whether a / starts a regular expression or divides is decided from the
//     token before it, as most editors do. Code such as `if (x) /re/.test(s)`
//     is read correctly, but rare constructs can still be misread; because
//     strings and regular expressions never run past the end of a line, such a
//     misreading costs at most the rest of that line.
//   - Broken input never fails: an unterminated string, template, comment or
//     regular expression simply ends at the end of its line or of the file.
//   - Source text copied into results is bounded, so that output grows no
//     faster than input: a URL expression is cut after 512 bytes, and a
//     template substitution longer than 64 bytes is shown as ${…}.
//   - U+2028 and U+2029, which JavaScript counts as line ends, are read as
//     white space: after one, lines and columns differ from the engine's.
package lwc
