// Command sflint lints the integrations of a Salesforce SFDX project (External
// Client Apps, External Credentials, Named Credentials, permission sets) with
// Rego policies, and scaffolds them. See the README for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/sflint/sflint/internal/cli"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise. A
// run builds one large document and exits, so collecting a quarter as often
// saves about a quarter of the time on a large project for a tenth more
// memory (BENCHMARKS.md). GOGC and GOMEMLIMIT still override it.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
