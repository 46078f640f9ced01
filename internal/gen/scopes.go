package gen

import (
	"sort"
	"strings"
)

// scopeTokens maps OAuth scope names, as a token request sends them and
// --scopes takes them, to the scope tokens External Client App metadata
// writes in commaSeparatedOauthScopes. It is the table the extcred/scope
// rule judges with, less the scopes refused below.
var scopeTokens = map[string]string{
	"api":                        "Api",
	"chatter_api":                "Chatter",
	"web":                        "Web",
	"visualforce":                "CustomApplications",
	"openid":                     "OpenID",
	"custom_permissions":         "CustomPermissions",
	"wave_api":                   "Wave",
	"eclair_api":                 "Eclair",
	"pardot_api":                 "Pardot",
	"lightning":                  "Lightning",
	"content":                    "Content",
	"chatbot_api":                "Chatbot",
	"cdp_ingest_api":             "CDPIngest",
	"cdp_profile_api":            "CDPProfile",
	"cdp_query_api":              "CDPQuery",
	"cdp_segment_api":            "CDPSegment",
	"cdp_identityresolution_api": "CDPIdentityResolution",
	"cdp_calculated_insight_api": "CDPCalculatedInsight",
	"sfap_api":                   "SFApiPlatform",
	"interaction_api":            "Interaction",
	"einstein_gpt_api":           "EinsteinGPT",
	"mcp_api":                    "MCP",
	"scrt_api":                   "SCRT",
}

// refusedScopes are scopes a client credentials integration must not ask
// for, with the reason.
var refusedScopes = map[string]string{
	"full":           "full grants every scope; a server-to-server integration needs api",
	"refresh_token":  "the client credentials flow issues no refresh token",
	"offline_access": "the client credentials flow issues no refresh token",
}

// Scopes is the scope list of an integration in both spellings.
type Scopes struct {
	Wire   []string // OAuth names: api, ...
	Tokens []string // External Client App tokens: Api, ...
}

// ParseScopes validates --scopes values (comma-separated OAuth scope names)
// and maps them to External Client App tokens. api is required: the
// generated Named Credential calls Salesforce's REST API.
func ParseScopes(p *Problems, values []string) Scopes {
	var s Scopes
	seen := map[string]bool{}
	for _, v := range values {
		for _, name := range strings.Split(v, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" || seen[name] {
				continue
			}
			seen[name] = true
			if why, ok := refusedScopes[name]; ok {
				p.Addf("--scopes: %s: %s", name, why)
				continue
			}
			token, ok := scopeTokens[name]
			if !ok {
				p.Addf("--scopes: unknown scope %q; valid scopes: %s", name, validScopes())
				continue
			}
			s.Wire = append(s.Wire, name)
			s.Tokens = append(s.Tokens, token)
		}
	}
	if !seen["api"] {
		p.Addf("--scopes must include api: the Named Credential calls Salesforce's REST API")
	}
	return s
}

func validScopes() string {
	names := make([]string, 0, len(scopeTokens))
	for n := range scopeTokens {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
