# Policies for conftest that check the misconfigurations sflint's benchmark
# projects plant (internal/synth), the way sflint's rules of the same ids do,
# so scripts/bench.sh can time both tools on the same question.
#
# Run with `conftest test --combine`: the cross-file checks need every file
# at once. conftest turns XML into generic JSON: every value is a string, and
# a child element is an array only when it occurs more than once, which
# as_array undoes. Each message starts with the file and the sflint rule id.
package main

import rego.v1

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# docs maps the path of every file whose root element is root to the root's
# content.
docs(root) := {f.path: f.contents[root] | some f in input; is_object(f.contents); f.contents[root]}

oauth_policies := docs("ExtlClntAppOauthConfigurablePolicies")

global_settings := docs("ExtlClntAppGlobalOauthSettings")

external_credentials := docs("ExternalCredential")

named_credentials := docs("NamedCredential")

permission_files := object.union(docs("PermissionSet"), docs("Profile"))

# name is a component's full name: its file name without the suffix.
name(path) := regex.replace(path, `^.*/([^/.]+)\.[^/]+$`, "$1")

is_true(doc, key) if object.get(doc, key, "false") == "true"

client_credentials := {"ClientCredentialsClientSecret", "ClientCredentialsClientSecretBasic", "ClientCredentialsJwtAssertion"}

deny contains sprintf("%s: [eca/missing-run-as-user] client credentials on, no Run As user", [path]) if {
	some path, p in oauth_policies
	is_true(p, "isClientCredentialsFlowEnabled")
	not p.clientCredentialsFlowUser
}

# global_flow maps each app to whether its global settings turn the flow on.
global_flow := {g.externalClientApplication: on |
	some g in global_settings
	on := object.get(g, "isClientCredentialsFlowEnabled", "false") == "true"
}

deny contains sprintf("%s: [eca/client-credentials-mismatch] flow on in one half only", [path]) if {
	some path, p in oauth_policies
	on := object.get(p, "isClientCredentialsFlowEnabled", "false") == "true"
	on != object.get(global_flow, p.externalClientApplication, false)
}

deny contains sprintf("%s: [extcred/token-url] not the My Domain token endpoint", [path]) if {
	some path, ec in external_credentials
	params := as_array(object.get(ec, "externalCredentialParameters", []))
	some v in params
	v.parameterType == "AuthProtocolVariant"
	v.parameterValue in client_credentials
	some u in params
	u.parameterType == "AuthProviderUrl"
	not regex.match(`^https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.my\.salesforce\.com/services/oauth2/token$`, u.parameterValue)
}

credential_names := {name(path) | some path, _ in external_credentials}

deny contains sprintf("%s: [namedcred/unknown-external-credential] %s is not in the project", [path, p.externalCredential]) if {
	some path, nc in named_credentials
	some p in as_array(object.get(nc, "namedCredentialParameters", []))
	p.parameterType == "Authentication"
	not p.externalCredential in credential_names
}

# principals maps "<External Credential>-<principal>" to the credential's file.
principals[sprintf("%s-%s", [name(path), p.parameterName])] := path if {
	some path, ec in external_credentials
	some p in as_array(object.get(ec, "externalCredentialParameters", []))
	p.parameterType in {"NamedPrincipal", "PerUserPrincipal"}
}

accesses(doc) := as_array(object.get(doc, "externalCredentialPrincipalAccesses", []))

granted := {a.externalCredentialPrincipal | some doc in permission_files; some a in accesses(doc); a.enabled == "true"}

deny contains sprintf("%s: [extcred/principal-without-access] %s is granted nowhere", [path, key]) if {
	some key, path in principals
	not key in granted
}

deny contains sprintf("%s: [perms/unknown-principal] no principal %s", [path, a.externalCredentialPrincipal]) if {
	some path, doc in permission_files
	some a in accesses(doc)
	not principals[a.externalCredentialPrincipal]
}

deny contains sprintf("%s: [perms/missing-user-external-credential-crud] no CRUD on UserExternalCredential", [path]) if {
	some path, doc in permission_files
	count(accesses(doc)) > 0
	not credential_crud(doc)
}

credential_crud(doc) if {
	some o in as_array(object.get(doc, "objectPermissions", []))
	o.object == "UserExternalCredential"
	every k in ["allowCreate", "allowRead", "allowEdit", "allowDelete"] {
		is_true(o, k)
	}
}
