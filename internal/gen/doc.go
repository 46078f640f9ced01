// Package gen scaffolds source that is right by construction: a same-org
// client credentials integration (External Client App with its settings and
// policies, External Credential, Named Credential, permission sets), an Apex
// controller that calls a Named Credential, and a Lightning web component
// that calls the controller.
//
// Data flows in four steps. A Spec holds what the user asked for; a check
// function validates every name and value in it, collecting all problems
// into one InputError, and derives a typed Data struct (IntegrationData,
// ControllerData, LWCData). The templates of package templates, or a team's
// overrides of the same name (LoadTemplates), render that struct into Files
// whose paths are relative to the output directory, in the folders the
// Salesforce CLI uses. NewPlan then compares every target with what is on
// disk (create, unchanged, conflict or overwrite) before Plan.Write writes
// anything: all files or none, each through a synced temporary file renamed
// into place.
//
// FindTarget picks the output directory (main/default in the default
// package directory of sfdx-project.json) and the API version (its
// sourceApiVersion). ReadAuraMethods reads the @AuraEnabled methods of a
// controller from its Apex source for the component.
//
// Known limits: generated controllers only GET (REST paths and Tooling API
// queries); components make text inputs for String and Id parameters only.
// The generated Apex and JavaScript follow Prettier's layout at the widths
// the example uses; very long names or queries may be wrapped differently
// by Prettier, which changes layout only.
package gen
