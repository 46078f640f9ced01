package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/sflint/sflint/internal/engine"
)

// policyFlags are the flags of the commands that read the user's own
// policies (lint, rules, explain). Directories from the configuration file
// belong in dirs too, before the ones given on the command line.
type policyFlags struct {
	dirs       []string
	namespaces []string
	timeout    time.Duration
	memory     uint64 // MiB
}

// addPolicyFlags adds --policy and --namespace to fs, and --timeout when the
// command evaluates the rules.
func addPolicyFlags(fs *pflag.FlagSet, evaluates bool) *policyFlags {
	p := &policyFlags{timeout: engine.DefaultTimeout, memory: engine.DefaultMemoryLimit >> 20}
	fs.StringArrayVar(&p.dirs, "policy", nil,
		"directory or .rego file of your own policies, read with the built-in rules (repeatable)")
	fs.StringSliceVar(&p.namespaces, "namespace", nil,
		"package of conftest-style deny, warn and violation rules (repeatable; default main)")
	if evaluates {
		fs.DurationVar(&p.timeout, "timeout", engine.DefaultTimeout,
			"time limit for evaluating the rules on one project (0: none)")
		fs.Uint64Var(&p.memory, "memory-limit", engine.DefaultMemoryLimit>>20,
			"limit in MiB on the live memory while the rules run (0: none)")
	}
	return p
}

// maxMemoryLimit is the largest --memory-limit, in MiB (a pebibyte), so that
// the limit in bytes cannot overflow.
const maxMemoryLimit = 1 << 30

// catalog loads the built-in rules and merges the user's policies into them.
func (p *policyFlags) catalog() (*engine.Catalog, error) {
	if p.timeout < 0 {
		return nil, fmt.Errorf("--timeout must be 0 or more, not %s", p.timeout)
	}
	if p.memory > maxMemoryLimit {
		return nil, fmt.Errorf("--memory-limit is in MiB and at most %d, not %d", maxMemoryLimit, p.memory)
	}
	cat, err := engine.Builtin()
	if err != nil {
		return nil, &internalError{err} // the embedded rules are sflint's own
	}
	if len(p.dirs) == 0 {
		return cat, nil
	}
	user, err := engine.LoadPolicies(p.dirs, p.namespaces)
	if err != nil {
		return nil, err
	}
	if err := cat.Merge(user); err != nil {
		return nil, err
	}
	return cat, nil
}

// compile compiles the catalog and sets the time limit.
func (p *policyFlags) compile(ctx context.Context, cat *engine.Catalog) (*engine.Engine, error) {
	eng, err := engine.Compile(ctx, cat)
	if err != nil {
		return nil, err
	}
	eng.SetTimeout(p.timeout)
	eng.SetMemoryLimit(p.memory << 20)
	return eng, nil
}
