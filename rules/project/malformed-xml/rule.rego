# METADATA
# title: Metadata file is not well-formed XML or has the wrong root element
# description: |
#   A metadata file that sflint reads is not well-formed XML (an unclosed or
#   mismatched tag, text outside the root, a DOCTYPE, a non-UTF-8 encoding), or
#   its root element is not the type its suffix names: a
#   .namedCredential-meta.xml file must have <NamedCredential> as its root.
#   A file that cannot be read at all (permissions) is reported here too.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_types_list.htm
# custom:
#   id: project/malformed-xml
#   severity: error
#   why: |
#     The Salesforce CLI cannot convert or deploy a file it cannot parse, and a
#     root element that does not match the suffix deploys as the wrong type or
#     not at all. Every other rule is blind to such a file.
#   symptom: |
#     sf project deploy start fails with "Error parsing file" or an
#     "Unexpected element" error naming the file.
#   fix: |
#     Repair the XML at the reported line (close the tag, remove the stray
#     text), or give the file the root element its suffix asks for.
#   before: |
#     <?xml version="1.0" encoding="UTF-8"?>
#     <ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#         <label>Loopback</label>
#     <!-- file: namedCredentials/Loopback.namedCredential-meta.xml -->
#   after: |
#     <?xml version="1.0" encoding="UTF-8"?>
#     <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#         <label>Loopback</label>
#     </NamedCredential>
#   assumptions: |
#     Only the types that sflint's rules read are parsed; other files are
#     classified by name and not opened. Files over 64 MiB, UTF-16 files and
#     elements nested more than 256 deep are reported rather than read.
package sflint.rules.project.malformed_xml

import data.sflint.lib

report contains lib.finding(m, m, m.message, "repair the XML at this position") if {
	some m in input.malformed
}
