// Package synth writes synthetic SFDX projects of realistic shape for
// sflint's benchmarks and for tests that need a project far larger than a
// fixture. A project is a function of its size and seed: the same pair gives
// a byte-identical tree.
//
// Every metadata file copies the shape of a real one: examples/same-org for
// the integration chain (External Client App with its settings and
// policies, External Credential, Named Credential, permission sets), and
// retrieved permission sets, profiles, custom objects, fields, Apex classes
// and Lightning web components for the rest. Names and sizes are drawn from
// the seed. A known share of the integrations is broken in ways sflint's
// rules catch, and Generate returns the findings a lint of the project must
// report, so the whole project can be checked exactly.
//
// Data flows one way: a plan (counts and size ranges for each Size) drives
// the generators of each part (objects, Apex, integrations, permissions,
// components), which write through one writer that counts files and bytes.
// Each part draws from its own random stream, so changing how one part is
// written does not reshuffle the others.
package synth
