# METADATA
# title: External Client App is not Local in a project without a namespace
# description: |
#   An External Client App header (.eca) sets distributionState to something
#   other than Local in a project whose sfdx-project.json has no namespace.
#   Packaged is for apps distributed in a second-generation managed package,
#   which needs a namespace; Managed and AutoInstalled are documented as for
#   internal use only. Without a namespace the app can only serve the orgs
#   the project is deployed to, so it is a same-org app and should be Local.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.configure_packageable_external_client_apps.htm&type=5
# custom:
#   id: eca/distribution-state
#   severity: warning
#   why: |
#     A Packaged app keeps its OAuth consumer (key, secret, global settings)
#     in the org where it was created, and copies deployed elsewhere can stay
#     associated with that source org instead of getting their own consumer.
#     A Local app keeps both settings files in the org it runs in, which is
#     what an org calling itself needs.
#   symptom: |
#     Deployed copies can share the source org's consumer key and secret, or
#     depend on an org that may be deleted; policies and settings are split
#     between developer and subscriber views for no reason.
#   fix: |
#     Set distributionState to Local, unless the project builds a namespaced
#     managed package.
#   before: |
#     <distributionState>Packaged</distributionState>
#   after: |
#     <distributionState>Local</distributionState>
#   assumptions: |
#     The namespace comes from sfdx-project.json; a source tree without one
#     is not checked. An app without distributionState is not reported (the
#     default is not documented). That a Packaged app needs a namespaced 2GP
#     managed package is from Salesforce Help ("Package an External Client
#     App"); the association behaviour of deployed copies is from "External
#     Client Apps Association and Disassociation".
package sflint.rules.eca.distribution_state

import data.sflint.lib

report contains lib.finding(app, node, msg, fix) if {
	not input.project.bare
	input.project.namespace == ""
	some app in input.externalClientApps
	node := app.distributionState
	node.value != "Local"
	msg := sprintf("distributionState %s needs a namespaced managed package; this project has none", [node.value])
	fix := "set distributionState to Local"
}
