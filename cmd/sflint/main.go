// Command sflint lints the integrations of a Salesforce SFDX project (External
// Client Apps, External Credentials, Named Credentials, permission sets) with
// Rego policies, and scaffolds them. See the README for usage.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/sflint/sflint/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
