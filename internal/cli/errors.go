package cli

import (
	"errors"
	"io/fs"

	"github.com/sflint/sflint/internal/project"
)

// isInputError reports whether err is about the user's files rather than
// sflint itself: a broken project file or a file that cannot be read.
func isInputError(err error) bool {
	var pe *project.Error
	var pathErr *fs.PathError
	return errors.As(err, &pe) || errors.As(err, &pathErr) ||
		errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist)
}
