package metadata

// observed are elements that real source files carry but the v66 WSDL does
// not declare. sflint accepts them rather than call them unknown; each entry
// says where it was seen.
var observed = map[string][]Field{
	// Retrieved from a 2026 org in Package-Visualizer
	// (extlClntAppGlobalOauthSets/Tooling_API_glbloauth); probably API 67.
	"ExtlClntAppGlobalOauthSettings": {{Name: "isEnforceRefreshTokenTTL", Type: "boolean"}},
	// Principal access can be granted through a profile as well as through a
	// permission set (Setup offers it on both); the WSDL lists it only on
	// PermissionSet.
	"Profile": {{
		Name:     "externalCredentialPrincipalAccesses",
		Complex:  "PermissionSetExternalCredentialPrincipalAccess",
		Repeated: true,
	}},
}

// documentedEnums are values that the WSDL types as plain strings but the
// Metadata API Developer Guide lists as a closed set.
var documentedEnums = map[string]map[string][]string{
	"ExtlClntAppOauthConfigurablePolicies": {
		"ipRelaxationPolicyType":   {"Enforce", "Bypass", "Bypass_2factor", "Enforce_RelaxRefresh"},
		"refreshTokenValidityUnit": {"Days", "Hours", "Months"},
	},
}

func addObserved() {
	for typ, fields := range observed {
		if ct := wsdlTypes[typ]; ct != nil {
			ct.Fields = append(ct.Fields, fields...)
		}
	}
	for typ, enums := range documentedEnums {
		ct := wsdlTypes[typ]
		for i := range ct.Fields {
			if vals, ok := enums[ct.Fields[i].Name]; ok {
				ct.Fields[i].Enum = vals
			}
		}
	}
}
