# METADATA
# title: Metadata file with a misspelt suffix or in another type's folder
# description: |
#   A -meta.xml file whose suffix is not a known metadata type but is close to
#   one (.ecaGlobalOauth for .ecaGlblOauth, .remoteSiteSetting for .remoteSite,
#   a suffix in the wrong case), or a file of a known type that sits in the
#   default folder of another type (a .namedCredential file in
#   externalCredentials/).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_types_list.htm
# custom:
#   id: project/unknown-suffix
#   severity: warning
#   why: |
#     The Salesforce CLI picks a file's type from its suffix. A file with an
#     unknown suffix is ignored by deploy without a word, so the setting it
#     holds never reaches the org; a file in another type's folder usually
#     means it was copied and not renamed.
#   symptom: |
#     The deploy succeeds, but the setting is missing in the org: for example
#     no global OAuth settings, so the client credentials flow is off.
#   fix: |
#     Rename the file to the suffix sflint names, or move it to its type's folder.
#   before: |
#     extlClntAppGlobalOauthSettings/Loopback_glbloauth.ecaGlobalOauth-meta.xml
#   after: |
#     extlClntAppGlobalOauthSets/Loopback_glbloauth.ecaGlblOauth-meta.xml
#   assumptions: |
#     Suffixes and folders come from the source-deploy-retrieve registry
#     (12.37.2). Only suffixes close to a known one are reported, so files of
#     metadata types newer than that registry are left alone. The folder check
#     applies only to folders that belong to exactly one type.
package sflint.rules.project.unknown_suffix

import data.sflint.lib

report contains finding if {
	some f in input.files
	f.type == null
	f.suggestion != ""
	msg := sprintf(".%s is not a metadata suffix; deploy ignores the file (did you mean .%s?)", [f.suffix, f.suggestion])
	finding := lib.finding({"file": f.path}, {"line": 1, "col": 1}, msg, sprintf("rename the file to %s.%s-meta.xml", [f.name, f.suggestion]))
}

report contains finding if {
	some f in input.files
	f.type != null
	f.folderType != ""
	f.folderType != f.type
	msg := sprintf("a %s file in the folder for %s; was it copied and not renamed?", [f.type, f.folderType])
	finding := lib.finding({"file": f.path}, {"line": 1, "col": 1}, msg, "move the file to its type's folder, or give it the right suffix")
}
