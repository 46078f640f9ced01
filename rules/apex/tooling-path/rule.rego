# METADATA
# title: Tooling API object called without /tooling/, or a data object with it
# description: |
#   Some objects exist only in the Tooling API, under
#   /services/data/vNN.0/tooling/; the records of an org's data (Account, a
#   custom object Invoice__c) exist only outside it. This rule reads every
#   Apex callout endpoint, with constants, helper arguments and the argument
#   of EncodingUtil.urlEncode filled in, finds the object it names (after
#   /sobjects/, or after FROM in the q= of /query and /queryAll) and reports
#   a Tooling-only object on a path without /tooling/, or a data object on a
#   path with it. The finding points at the literal that names the object.
#
#   Tooling-only objects: ApexClassMember, ApexComponentMember,
#   ApexPageMember, ApexTriggerMember, MetadataContainer,
#   ContainerAsyncRequest, OperationLog, SourceMember (the operational
#   objects); ApexCodeCoverage, ApexCodeCoverageAggregate,
#   ApexOrgWideCoverage, ApexExecutionOverlayAction,
#   ApexExecutionOverlayResult, TraceFlag, DebugLevel (debugging and
#   coverage); InstalledSubscriberPackage, SubscriberPackage,
#   SubscriberPackageVersion (packages); MetadataComponentDependency,
#   CustomField, CustomObject (metadata). Data objects absent from the
#   Tooling API: Account, Asset, Campaign, CampaignMember, Case, Contact,
#   Contract, Event, Lead, Opportunity, OpportunityLineItem, Order,
#   OrderItem, Pricebook2, PricebookEntry, Product2, Quote, Task and every
#   custom object (__c).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/reference_objects_list.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/reference_objects_operational.htm
# custom:
#   id: apex/tooling-path
#   severity: error
#   why: |
#     The REST API and the Tooling API share /services/data/vNN.0 but serve
#     different objects. Objects such as ApexClass exist in both, which makes
#     it easy to forget /tooling/ for the ones that exist in only one.
#   symptom: |
#     Queries fail with HTTP 400 INVALID_TYPE "sObject type 'ApexClassMember'
#     is not supported"; /sobjects/ calls answer 404 NOT_FOUND "The requested
#     resource does not exist".
#   fix: |
#     Call Tooling-only objects under /services/data/vNN.0/tooling/ (query,
#     sobjects), and data records without /tooling/.
#   before: |
#     req.setEndpoint('callout:Loopback/services/data/v66.0/query?q=' +
#         EncodingUtil.urlEncode('SELECT Id FROM ApexCodeCoverageAggregate', 'UTF-8'));
#   after: |
#     req.setEndpoint('callout:Loopback/services/data/v66.0/tooling/query?q=' +
#         EncodingUtil.urlEncode('SELECT Id FROM ApexCodeCoverageAggregate', 'UTF-8'));
#   assumptions: |
#     Only the objects listed are judged; objects found in both APIs (ApexClass,
#     ApexLog, User, EntityDefinition, ...) and objects not listed are never
#     reported. Object names are compared without regard to case, as SOQL
#     does. The object of a query is read from literal SOQL text, including
#     text written already encoded (SELECT+Id+FROM+X, %20).
package sflint.rules.apex.tooling_path

import data.sflint.lib

report contains lib.finding(cls, leaf_at(ls, i), message(obj, a.tooling), fix(a.tooling)) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := leaves(co.endpoint)
	s := flat(ls)
	some a in apis(s)
	some [obj, i] in array.concat(sobject_refs(a), query_refs(s, a))
	wrong(lower(obj), a.tooling)
}

tooling_only := {
	"apexclassmember", "apexcomponentmember", "apexpagemember", "apextriggermember",
	"metadatacontainer", "containerasyncrequest", "operationlog", "sourcemember",
	"apexcodecoverage", "apexcodecoverageaggregate", "apexorgwidecoverage",
	"apexexecutionoverlayaction", "apexexecutionoverlayresult", "traceflag", "debuglevel",
	"installedsubscriberpackage", "subscriberpackage", "subscriberpackageversion",
	"metadatacomponentdependency", "customfield", "customobject",
}

data_only := {
	"account", "asset", "campaign", "campaignmember", "case", "contact", "contract", "event",
	"lead", "opportunity", "opportunitylineitem", "order", "orderitem", "pricebook2",
	"pricebookentry", "product2", "quote", "task",
}

wrong(obj, false) if obj in tooling_only

wrong(obj, true) if obj in data_only

wrong(obj, true) if endswith(obj, "__c")

message(obj, false) := sprintf("%s is a Tooling API object; the path needs /tooling/ after the version", [obj])

message(obj, true) := sprintf("%s is not a Tooling API object; drop /tooling/ from the path", [obj])

fix(false) := "call /services/data/vNN.0/tooling/query or /tooling/sobjects/"

fix(true) := "call /services/data/vNN.0/query or /sobjects/ for data records"

# apis are the /services/data/... paths of the flat text s: whether it is a
# Tooling API path, the resource after the version (and /tooling), and the
# index where that resource starts.
apis(s) := [{"tooling": tooling != "", "resource": res, "at": sum([i, count(version), count(tooling)])} |
	some start in indexof_n(s, "/services/data/")
	i := start + count("/services/data/")
	rest := substring(s, i, -1)
	[[_, version, tooling, res]] := regex.find_all_string_submatch_n(`^([^/?#]*)(/tooling)?(/[^?#]*)?`, rest, 1)
]

# sobject_refs are [object, index] of /sobjects/Object.
sobject_refs(a) := [[obj, a.at + count("/sobjects/")] |
	[[_, obj]] := regex.find_all_string_submatch_n(`^/sobjects/([A-Za-z][A-Za-z0-9_]*)(?:/|$)`, a.resource, 1)
]

from_re := `(?i)(?:^|[\s+(]|%20|%28|%0A|%09)FROM(?:[\s+]|%20|%0A|%09)+([A-Za-z][A-Za-z0-9_]*)`

# query_refs are [object, index] of every FROM Object in the q= of a query.
query_refs(s, a) := [[obj, sum([q.at, indexof(q.text, m[0]), count(m[0])]) - count(obj)] |
	regex.match(`^/(query|queryAll)/?$`, a.resource)
	q := query_param(s)
	some m in regex.find_all_string_submatch_n(from_re, q.text, -1)
	obj := m[1]
]

# query_param is the value of the q parameter and where it starts.
query_param(s) := {"text": v, "at": end - count(v)} if {
	[[m, v]] := regex.find_all_string_submatch_n(`[?&]q=([^&#]*)`, s, 1)
	end := indexof(s, m) + count(m)
}

# The endpoint is read as flat text: literal parts as their value, every
# other part (a parameter, a call) as one marker character. The argument of
# EncodingUtil.urlEncode is spliced in, so that positions inside it are known.
marker := "\u0000"

leaves(e) := [l | some p in e.parts; some l in expand(p)]

expand(p) := p.inner if p.kind == "urlEncode"

expand(p) := [p] if p.kind != "urlEncode"

text(l) := l.text if l.kind == "literal"

text(l) := marker if l.kind != "literal"

flat(ls) := concat("", [text(l) | some l in ls])

# leaf_at is the part that holds character i of the flat text.
leaf_at(ls, i) := l if {
	some k, l in ls
	start := sum([count(text(m)) | some j, m in ls; j < k])
	start <= i
	i < start + count(text(l))
}
