# METADATA
# title: Apex calls out to a Named Credential that is not in the project
# description: |
#   An endpoint written callout:Name/... goes through the Named Credential
#   whose API name is Name. This rule reports an endpoint whose literal
#   callout:Name names no Named Credential of the project. The name must match
#   exactly: a name that differs only in case is reported with the right
#   spelling. callout:ns__Name of the project's own namespace is looked up
#   without the prefix; other namespaces belong to installed packages and are
#   not judged.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
#   - ref: https://help.salesforce.com/s/articleView?id=000392650&type=1
# custom:
#   id: apex/unknown-named-credential
#   severity: error
#   why: |
#     Salesforce resolves callout:Name when the request is sent. A Named
#     Credential that is missing, or spelt with another case, is found in no
#     org, so every callout through it fails at run time while the class
#     compiles and deploys cleanly.
#   symptom: |
#     The callout fails with System.UnexpectedException: Script-thrown
#     exception (Salesforce Help article 000392650 names a Named Credential
#     API name that does not match as the first cause), or with a
#     CalloutException for the unknown endpoint.
#   fix: |
#     Write the Named Credential's API name exactly as its file name
#     (Loopback.namedCredential-meta.xml is callout:Loopback), or add the
#     Named Credential to the project.
#   before: |
#     req.setEndpoint('callout:loopback/services/data/v66.0/limits');
#   after: |
#     req.setEndpoint('callout:Loopback/services/data/v66.0/limits');
#   assumptions: |
#     The whole project is one deployment unit: a Named Credential that
#     exists only in the org, or in another repository, is reported too.
#     That the name is matched case-sensitively follows Salesforce's
#     troubleshooting article, which asks for the API name to match; only
#     endpoints whose callout:Name is written as a literal are judged.
package sflint.rules.apex.unknown_named_credential

import data.sflint.lib

report contains lib.finding(cls, ref, message(ref), fix(ref)) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ref := co.namedCredential
	not ref.found
	not installed_package(ref.name)
}

# installed_package holds for ns__Name of a namespace other than the
# project's: a Named Credential of an installed package.
installed_package(name) if {
	[ns, _] := split(name, "__")
	lower(ns) != lower(object.get(input.project, "namespace", ""))
}

message(ref) := "callout: names no Named Credential; write callout:Name/path" if {
	ref.name == ""
} else := sprintf(
	"callout:%s differs only in case from Named Credential %q; names are exact",
	[ref.name, ref.nearMiss],
) if {
	ref.nearMiss != ""
} else := sprintf("no Named Credential %q in the project; callouts to callout:%s fail", [ref.name, ref.name])

fix(ref) := sprintf("write callout:%s", [ref.nearMiss]) if {
	ref.nearMiss != ""
} else := "name a Named Credential of the project, or add its .namedCredential-meta.xml"
